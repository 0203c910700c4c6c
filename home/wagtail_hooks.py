from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.exports import SafeExportSnippetViewSet
from home.models import Person


class PersonViewSet(SafeExportSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "job_title", "organisation", "country"]
    list_filter = ["country"]
    list_export = ["name", "job_title", "organisation", "country"]
    search_fields = ["name", "organisation"]


register_snippet(PersonViewSet)


@hooks.register("load_demo_content", order=0)
def load_site_demo(scale, stdout):
    from home import demo

    demo.load(scale, stdout)


@hooks.register("load_demo_content", order=90)
def load_translation_demo(scale, stdout):
    from home import demo_translations

    demo_translations.load(scale, stdout)
