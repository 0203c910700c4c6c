from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from library.bulk_actions import MergeTagsBulkAction
from library.listing import LibraryListing
from library.models import LibraryPage


class TagsSnippetViewSet(SnippetViewSet):
    """Tags in the admin: rename (edit), delete, and merge through the bulk actions."""

    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    menu_order = 310
    add_to_admin_menu = True
    panels = [FieldPanel("name")]
    list_display = [
        "name",
        "slug",
        Column("resource_count", label=_("Resources"), sort_key="resource_count"),
    ]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Tag.objects.annotate(resource_count=Count("library_resourcepagetag_items"))


register_snippet(TagsSnippetViewSet)
hooks.register("register_bulk_action", MergeTagsBulkAction)


@hooks.register("load_demo_content", order=10)
def load_library_demo(scale, stdout):
    from library import demo

    demo.load(scale, stdout)


@hooks.register("page_context")
def library_listing(page, request):
    """Search, filters with counts, sorting and pages of results of the library page."""
    return {"listing": LibraryListing(page, request)} if isinstance(page, LibraryPage) else None
