"""Wagtail hooks of calls: the admin, the routes below course pages, the link on the
course page, the calendars, the reminders and the application review."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from calls import reminders, views
from calls.admin_views import CallsGroup
from calls.calendar import course_events, personal_events
from calls.review import call_attendance_facts
from calls.series_views import course_series
from core.routing import PageRoute
from courses.models import CoursePage

register_snippet(CallsGroup)

CALL = "calls/<id:call_id>/"


@hooks.register("register_page_routes")
def calls_routes():
    return [
        PageRoute(CoursePage, "calls/", views.call_list, "calls"),
        PageRoute(CoursePage, CALL, views.call_page, "call"),
        PageRoute(CoursePage, f"{CALL}register/", views.register, "call_register"),
        PageRoute(CoursePage, f"{CALL}cancel/", views.cancel, "call_cancel"),
        PageRoute(CoursePage, f"{CALL}attendance/", views.take_attendance, "call_attendance"),
        PageRoute(CoursePage, f"{CALL}notes/", views.edit_notes, "call_notes"),
    ]


@hooks.register("page_sections")
def calls_section(page, request):
    """On a course page that has calls: a link to them."""
    if not isinstance(page, CoursePage):
        return None
    calls = views.course_calls(page)
    if not calls.exists() and not course_series(page).exists():
        return None
    return render_to_string("calls/course_section.html", {"page": page}, request=request)


@hooks.register("course_calendar_events")
def calls_in_course_calendar(course, request):
    return course_events(course, request)


@hooks.register("personal_calendar_events")
def calls_in_personal_calendar(user, request):
    return personal_events(user, request)


@hooks.register("send_reminders")
def send_call_reminders(now, result):
    reminders.send_call_reminders(now, result)


@hooks.register("application_review_facts")
def attended_calls(application):
    return call_attendance_facts(application)
