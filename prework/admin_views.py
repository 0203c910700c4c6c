"""Pre-work items in the Wagtail admin: editors define each course's items (the Editors
group holds the model permissions). Listing, filters, search, formula-safe export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeExportIndexView
from courses.models import CoursePage
from prework.choices import PreworkKind
from prework.models import PreworkItem


class PreworkItemFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.filter(prework_items__isnull=False).distinct(),
    )
    kind = django_filters.ChoiceFilter(label=_("How it is done"), choices=PreworkKind.choices)

    class Meta:
        model = PreworkItem
        fields = ["course", "kind"]


class PreworkItemViewSet(ModelViewSet):
    model = PreworkItem
    icon = "tasks"
    menu_label = _("Pre-work")
    menu_order = 258
    add_to_admin_menu = True
    index_view_class = SafeExportIndexView
    list_display = ["title", "course", "kind", "due_days"]
    filterset_class = PreworkItemFilterSet
    search_fields = ["title", "description"]
    list_export = ["course", "sort_order", "title", "description", "kind", "due_days"]
    export_filename = "prework"
    ordering = ["course__title", "sort_order", "due_days"]
