"""Wagtail hooks of the roster: the editors' listing, where they hide entries, and the
demo."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.exports import SafeExportSnippetViewSet
from roster.models import RosterEntry


class RosterEntryViewSet(SafeExportSnippetViewSet):
    model = RosterEntry
    icon = "group"
    menu_label = "Roster"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "organisation", "city", "country", "hidden", "joined_at"]
    list_filter = ["hidden", "country"]
    list_export = ["name", "organisation", "city", "country", "hidden"]
    search_fields = ["name", "organisation", "city"]


register_snippet(RosterEntryViewSet)


@hooks.register("load_demo_content", order=85)
def load_roster_demo(scale, stdout):
    from roster import demo

    demo.load(scale, stdout)
