"""Attendance in the admin (editors: every row; facilitators: their courses'), on the
dashboard, in course completion and certificate hours, and the routes of the checklist
and the spreadsheet below workshop and course pages."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet

from attendance import records
from attendance.models import Attendance
from attendance.views import course_attendance_csv, workshop_attendance
from core.routing import PageRoute, file_route
from core.viewsets import ScopedSnippetViewSet
from courses import access
from courses.choices import EnrolmentRole
from courses.models import CoursePage, WorkshopPage
from courses.progress import member_workshops, remembered_structure


class AttendanceFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.order_by("title"), method="in_course"
    )

    class Meta:
        model = Attendance
        fields = ["course", "workshop", "day"]

    def in_course(self, queryset, name, course):
        return queryset.filter(workshop__path__startswith=course.path)


class AttendanceViewSet(ScopedSnippetViewSet):
    model = Attendance
    icon = "tasks"
    menu_label = _("Attendance")
    menu_order = 255
    add_to_admin_menu = True
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
        if user.is_superuser or user.has_perm("attendance.change_attendance"):
            return rows
        paths = [Q(workshop__path__startswith=c.path) for c in access.facilitated_courses(user)]
        return rows.filter(reduce(or_, paths)) if paths else rows.none()


register_snippet(AttendanceViewSet)


@hooks.register("register_page_routes")
def attendance_routes():
    return [
        PageRoute(WorkshopPage, "attendance/", workshop_attendance, "attendance"),
        PageRoute(
            CoursePage, file_route("attendance.csv"), course_attendance_csv, "attendance_csv"
        ),
    ]


@hooks.register("course_completion_criteria")
def required_attendance(course, user_ids):
    return records.required_attendance_criterion(course, user_ids)


@hooks.register("course_learning_hours")
def workshop_hours(course, user):
    return records.attended_hours(course, user)


@hooks.register("dashboard_panels", order=10)  # after the courses panel
def dashboard_attendance(request):
    """Per course: a facilitator's checklists and spreadsheet; a participant's own days.
    A fixed number of queries, however many courses and workshops."""
    user = request.user
    workshops = member_workshops(user)
    if not workshops:
        return None
    enrolments = access.load_enrolments(user, list({c.pk: c for _w, c in workshops}.values()))
    attended = records.attended_days([workshop for workshop, _course in workshops], [user])
    rows = {}
    for workshop, course in workshops:
        row = rows.setdefault(
            course.pk,
            {
                "course": course,
                "facilitating": enrolments[course.pk].role == EnrolmentRole.FACILITATOR,
                "workshops": [],
            },
        )
        days = [
            (day, (user.pk, workshop.pk, day) in attended)
            for day in records.workshop_days(workshop)
        ]
        row["workshops"].append((workshop, days))
    return render_to_string(
        "attendance/dashboard_panel.html", {"rows": rows.values()}, request=request
    )


@hooks.register("load_demo_content", order=30)
def load_attendance_demo(scale, stdout):
    from attendance import demo

    demo.load(scale, stdout)


@hooks.register("page_sections")
def record_attendance_link(page, request):
    """On a workshop page, the checklist link for the course's facilitators and editors."""
    if not isinstance(page, WorkshopPage):
        return None
    course = page.get_course()
    if course is None or not access.can_facilitate(request.user, course):
        return None
    return render_to_string("attendance/workshop_section.html", {"page": page}, request=request)


@hooks.register("team_member_columns")
def team_attendance(course, users):
    """On a team's page: the workshop days each member attended, of all held so far."""
    structure = remembered_structure(access.original(course))
    workshops = [workshop for _path, workshop in structure[1]]
    days = sum(len(records.workshop_days(w)) for w in workshops)
    if not days:
        return None
    attended = records.attended_days(workshops, users)
    counts = {user.pk: 0 for user in users}
    for user_id, _workshop, _day in attended:
        counts[user_id] += 1
    text = _("%(attended)s of %(days)s days")
    return _("Workshop days attended"), {
        user_id: text % {"attended": n, "days": days} for user_id, n in counts.items()
    }
