from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses import (
    application_hooks,  # noqa: F401 (applications and reminders)
    demo,
)
from courses.access import MEMBER_STATUSES
from courses.choices import EnrolmentRole
from courses.dashboard import courses_panel
from courses.evaluation_hooks import AttendanceViewSet  # also registers its hooks
from courses.models import Enrolment, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thematic areas")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "group"
    menu_label = _("Enrolments")
    list_display = ["user", "course", "role", "status", "enrolled_at"]
    list_filter = ["course", "status", "role"]
    search_fields = ["user__username", "user__display_name", "user__email"]
    list_export = [
        "user",
        "user.email",
        "user.organisation",
        "user.country",
        "course",
        "role",
        "status",
        "enrolled_at",
        "withdrawn_at",
        "completed_at",
    ]
    export_headings = {
        "user.email": _("Email"),
        "user.organisation": _("Organisation"),
        "user.country": _("Country"),
    }
    export_filename = "enrolments"
    ordering = ["course__title", "user__username"]

    def get_queryset(self, request):
        """Editors see every enrolment; facilitators only those of the courses they run."""
        enrolments = Enrolment.objects.select_related("user", "course")
        user = request.user
        if user.is_superuser or user.has_perm("courses.change_enrolment"):
            return enrolments
        run = Enrolment.objects.filter(
            user=user, role=EnrolmentRole.FACILITATOR, status__in=MEMBER_STATUSES
        )
        return enrolments.filter(course__in=run.values("course_id"))


class CoursesGroup(SnippetViewSetGroup):
    items = (EnrolmentViewSet, AttendanceViewSet, ThemeViewSet)
    menu_icon = "group"
    menu_label = _("Courses")
    menu_name = "courses"
    menu_order = 250


register_snippet(CoursesGroup)


@hooks.register("dashboard_panels")
def dashboard_courses(request):
    return courses_panel(request)


@hooks.register("load_demo_content", order=20)
def load_courses_demo(scale, stdout):
    demo.load(scale, stdout)
