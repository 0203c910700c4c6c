"""The assessment scale in the admin: editors rewrite and translate what each level
says (the levels themselves are fixed; migration 0004 made the nine and gave the
Editors group the right to change them, not to add or delete)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from improvement.assessment import AssessmentLevel


class AssessmentLevelViewSet(SnippetViewSet):
    model = AssessmentLevel
    icon = "list-ol"
    menu_label = _("Assessment scale")
    menu_order = 258
    add_to_admin_menu = True
    list_display = ["level", "name"]
    ordering = ["level"]
