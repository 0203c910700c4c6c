"""Measures and new baselines in the Wagtail admin: editors manage every course's; a
course's facilitators those of the courses they run, never another's. Listing, filters,
search, export (formula-safe CSV). Scoping, the permission policy and the 404 for someone
else's measure or baseline are the teams admin's, which read `instance.course` of any
model."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic

from core.viewsets import ScopedViewSet
from courses import access
from courses.models import CoursePage
from improvement.choices import MeasureKind
from improvement.models import Baseline, Measure
from teams.admin_views import TeamDeleteView, TeamEditView, TeamHistoryView, TeamUsageView
from teams.models import Team


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


class BaselineAdminForm(WagtailAdminModelForm):
    """Facilitators choose among the teams and measures of the courses they run."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.has_perm("improvement.change_baseline"):
            courses = access.facilitated_courses(for_user).values("pk")
            self.fields["team"].queryset = Team.objects.filter(course__in=courses)
            self.fields["measure"].queryset = Measure.objects.filter(course__in=courses)


class BaselineCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class BaselineViewSet(ScopedViewSet):
    model = Baseline
    icon = "history"
    menu_label = _("New baselines")
    menu_order = 258
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            FieldPanel("team"),
            FieldPanel("measure"),
            FieldRowPanel([FieldPanel("first_month"), FieldPanel("months")]),
            FieldPanel("reason"),
        ],
        base_form_class=BaselineAdminForm,
    )
    list_display = ["team", "measure", "first_month", "months", "created_by"]
    list_export = ["team", "measure", "first_month", "months", "reason", "created_by"]
    export_filename = "baselines"
    add_view_class = BaselineCreateView
    edit_view_class = TeamEditView
    delete_view_class = TeamDeleteView
    history_view_class = TeamHistoryView
    usage_view_class = TeamUsageView
    ordering = ["team__name", "measure__sort_order", "first_month"]

    def get_queryset(self, request):
        baselines = Baseline.objects.select_related("team", "measure__course", "created_by")
        if request.user.has_perm("improvement.view_baseline"):
            return baselines
        return baselines.filter(measure__course__in=access.facilitated_courses(request.user))
