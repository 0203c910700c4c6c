from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_panels import ListPanel
from core.routing import PageRoute, file_route
from core.viewsets import ScopedSnippetViewSet
from courses import access, certificates, phases, progress, views
from courses.dashboard import courses_panel
from courses.listing import course_listing
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    FollowUpPage,
    ModulePage,
    Theme,
    WorkshopPage,
)
from courses.outline import with_outline

SESSIONS_AHEAD = timedelta(days=30)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thematic areas")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EnrolmentViewSet(ScopedSnippetViewSet):
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
        return enrolments.filter(course__in=access.facilitated_courses(user))


class CoursesGroup(SnippetViewSetGroup):
    items = (EnrolmentViewSet, ThemeViewSet)
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
    from courses import demo

    demo.load(scale, stdout)


@hooks.register("register_page_routes")
def course_routes():
    """Learner actions (POST only, idempotent, answered with a redirect back), the
    certificate and the course calendar."""
    return [
        PageRoute(CoursePage, "enrol/", views.enrol, "enrol"),
        PageRoute(CoursePage, "withdraw/", views.withdraw, "withdraw"),
        PageRoute(CoursePage, "complete/", views.complete_module, "complete"),
        PageRoute(CoursePage, "uncomplete/", views.uncomplete_module, "uncomplete"),
        PageRoute(CoursePage, "certificate/", certificates.course_certificate, "certificate"),
        PageRoute(CoursePage, file_route("calendar.ics"), views.course_calendar, "calendar"),
    ]


@hooks.register("page_shows_documents")
def members_only_documents(page, request):
    """A members-only module's documents are its members' (and editors')."""
    if not isinstance(page, ModulePage) or not page.is_members_only:
        return None
    course = page.get_course()
    return course is not None and access.can_view_members_content(request.user, course)


@hooks.register("page_context")
def course_pages_context(page, request):
    """The listing, programme and progress of the course pages."""
    if isinstance(page, CourseIndexPage):
        return course_listing(page, request)
    if isinstance(page, CoursePage):
        return with_outline(progress.course_page_context(page, request), None)
    if isinstance(page, ModulePage):
        return with_outline(progress.module_page_context(page, request), page)
    if isinstance(page, WorkshopPage):
        return with_outline(progress.workshop_page_context(page, request), page)
    if isinstance(page, FollowUpPage):
        context = progress.follow_up_page_context(page, request)
        return with_outline(context, context["workshop"])
    return None


@hooks.register("page_context")
def course_timeline_context(page, request):
    """The course's phases in date order, today's marked (courses/includes/timeline.html)."""
    if isinstance(page, CoursePage):
        shown = phases.course_phases(page, request)
        return {"timeline": phases.timeline(shown, phases.reader_today(request))}
    return None


@hooks.register("construct_homepage_panels")
def upcoming_sessions_panel(request, panels):
    """The next sessions of the courses this person edits or facilitates."""
    sessions = upcoming_sessions(access.facilitated_courses(request.user))
    if not sessions:
        return
    rows = [
        (
            f"{date_format(localtime(workshop.starts_at), 'j M Y')} · {workshop.title}",
            reverse("wagtailadmin_pages:edit", args=[workshop.pk]),
        )
        for workshop in sessions
    ]
    summary = _("Workshops and online meetings in the next %(days)s days.") % {
        "days": SESSIONS_AHEAD.days
    }
    panels.append(ListPanel("upcoming-sessions", _("Upcoming sessions"), summary, rows, order=70))


def upcoming_sessions(courses, limit=5):
    paths = list(courses.values_list("path", flat=True))
    if not paths:
        return []
    now = timezone.now()
    below = reduce(or_, (Q(path__startswith=path) for path in paths))
    found = WorkshopPage.objects.live().filter(below, ends_at__gte=now)
    return list(found.filter(starts_at__lte=now + SESSIONS_AHEAD).order_by("starts_at")[:limit])
