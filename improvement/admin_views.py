"""Measures in the Wagtail admin: editors define every course's measures; a course's
facilitators those of the courses they run, never another's. Listing, filters, search,
export (formula-safe CSV). Scoping, the permission policy and the 404 for someone else's
measure are the teams admin's, which read `instance.course` of any model."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.viewsets import ScopedViewSet
from courses import access
from courses.models import CoursePage
from improvement.choices import MeasureKind
from improvement.models import Measure
from teams.admin_views import TeamDeleteView, TeamEditView, TeamHistoryView, TeamUsageView


class MeasureFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.filter(measures__isnull=False).distinct(),
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=MeasureKind.choices)
    required = django_filters.BooleanFilter(label=_("Required"))

    class Meta:
        model = Measure
        fields = ["course", "kind", "required"]


class MeasureViewSet(ScopedViewSet):
    model = Measure
    icon = "table"
    menu_label = _("Measures")
    menu_order = 257
    add_to_admin_menu = True
    list_display = ["name", "course", "kind", "required", "first_month"]
    filterset_class = MeasureFilterSet
    search_fields = ["name", "definition", "numerator_label", "denominator_label"]
    list_export = [
        "course", "sort_order", "name", "definition", "kind", "numerator_label",
        "denominator_label", "unit", "rate_multiplier", "goal_value", "goal_date",
        "direction", "required", "first_month", "baseline_months",
    ]  # fmt: skip
    export_filename = "measures"
    edit_view_class = TeamEditView
    delete_view_class = TeamDeleteView
    history_view_class = TeamHistoryView
    usage_view_class = TeamUsageView
    ordering = ["course__title", "sort_order", "name"]

    def get_queryset(self, request):
        measures = Measure.objects.select_related("course")
        if request.user.has_perm("improvement.view_measure"):
            return measures
        return measures.filter(course__in=access.facilitated_courses(request.user))
