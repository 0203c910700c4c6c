"""Admin listing of attendance, the dashboard panel of attendance, evaluations and
certificates, and the demo; imported by courses/wagtail_hooks.py."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import access, evaluation_demo
from courses.access import MEMBER_STATUSES
from courses.attendance import attended_days, workshop_days
from courses.choices import EnrolmentRole, EnrolmentStatus
from courses.models import (
    Attendance,
    CoursePage,
    Enrolment,
    EvaluationPage,
    EvaluationRespondent,
)
from courses.views import member_workshops


class AttendanceFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.order_by("title"), method="in_course"
    )

    class Meta:
        model = Attendance
        fields = ["course", "workshop", "day"]

    def in_course(self, queryset, name, course):
        return queryset.filter(workshop__path__startswith=course.path)


class AttendanceViewSet(SnippetViewSet):
    model = Attendance
    icon = "tasks"
    menu_label = _("Attendance")
    list_display = ["user", "workshop", "day", "recorded_by", "recorded_at"]
    filterset_class = AttendanceFilterSet
    search_fields = ["user__username", "user__display_name", "user__email"]
    list_export = ["user", "user.email", "user.organisation", "workshop", "day", "recorded_at"]
    export_headings = {"user.email": _("Email"), "user.organisation": _("Organisation")}
    export_filename = "attendance"
    ordering = ["workshop__path", "day", "user__username"]

    def get_queryset(self, request):
        """Editors see all attendance; facilitators that of the courses they run."""
        rows = Attendance.objects.select_related("user", "workshop", "recorded_by")
        user = request.user
        if user.is_superuser or user.has_perm("courses.change_attendance"):
            return rows
        run = Enrolment.objects.filter(
            user=user, role=EnrolmentRole.FACILITATOR, status__in=MEMBER_STATUSES
        ).select_related("course")
        paths = [Q(workshop__path__startswith=e.course.path) for e in run]
        return rows.filter(reduce(or_, paths)) if paths else rows.none()


def evaluations_panel(request):
    """Per course: a participant's attendance, evaluations still to answer and the
    certificate; a facilitator's attendance lists, results and spreadsheet. A fixed
    number of queries, however many courses, workshops and evaluations."""
    user = request.user
    courses = list(access.member_courses(user))
    if not courses:
        return None
    enrolments = access.load_enrolments(user, courses)
    workshops = member_workshops(user)
    under = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    evaluations = list(EvaluationPage.objects.live().filter(under).order_by("closes_at", "path"))
    answered = set(
        EvaluationRespondent.objects.filter(user=user, page__in=evaluations).values_list(
            "page_id", flat=True
        )
    )
    attended = attended_days([workshop for workshop, _course in workshops], [user])
    rows = []
    for course in courses:
        enrolment = enrolments[course.pk]
        course_evaluations = [e for e in evaluations if e.path.startswith(course.path)]
        rows.append(
            {
                "course": course,
                "facilitating": enrolment.role == EnrolmentRole.FACILITATOR,
                "completed": enrolment.status == EnrolmentStatus.COMPLETED,
                "attendance": [
                    (
                        workshop,
                        [
                            (day, (user.pk, workshop.pk, day) in attended)
                            for day in workshop_days(workshop)
                        ],
                    )
                    for workshop, workshop_course in workshops
                    if workshop_course.pk == course.pk
                ],
                "to_answer": [
                    e for e in course_evaluations if e.pk not in answered and not e.is_closed
                ],
                "evaluations": course_evaluations,
            }
        )
    return render_to_string(
        "courses/evaluations/dashboard_panel.html", {"rows": rows}, request=request
    )


@hooks.register("dashboard_panels", order=10)  # after the courses panel
def dashboard_evaluations(request):
    return evaluations_panel(request)


@hooks.register("load_demo_content", order=40)
def load_evaluations_demo(scale, stdout):
    evaluation_demo.load(scale, stdout)
