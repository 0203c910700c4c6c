"""Wagtail hooks of calls: the admin, the routes below course pages, the link on the
course page, the calendars, the reminders, the application review and the demo."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from calls import hours_views, reminders, series_views, views
from calls.admin_views import CallsGroup
from calls.calendar import course_events, personal_events
from calls.review import call_attendance_facts
from core.caching import remembered
from core.routing import PageRoute, file_route
from courses import access
from courses.models import CoursePage

register_snippet(CallsGroup)

CALL = "calls/<id:call_id>/"
SERIES = "consultations/<id:series_id>/"
OCCURRENCE = f"{SERIES}<str:day>/"


@hooks.register("register_page_routes")
def calls_routes():
    return [
        PageRoute(CoursePage, "calls/", views.call_list, "calls"),
        PageRoute(CoursePage, CALL, views.call_page, "call"),
        PageRoute(CoursePage, f"{CALL}register/", views.register, "call_register"),
        PageRoute(CoursePage, f"{CALL}cancel/", views.cancel, "call_cancel"),
        PageRoute(CoursePage, f"{CALL}attendance/", views.take_attendance, "call_attendance"),
        PageRoute(CoursePage, f"{CALL}notes/", views.edit_notes, "call_notes"),
        PageRoute(CoursePage, "hours/", hours_views.hours_page, "hours"),
        PageRoute(CoursePage, file_route("hours.csv"), hours_views.hours_csv, "hours_csv"),
        PageRoute(CoursePage, SERIES, series_views.series_page, "consultation_series"),
        PageRoute(CoursePage, OCCURRENCE, series_views.occurrence_page, "consultation"),
        PageRoute(CoursePage, f"{OCCURRENCE}offer/", series_views.offer_case, "case_offer"),
        PageRoute(
            CoursePage,
            f"{OCCURRENCE}attendance/",
            series_views.take_attendance,
            "consultation_attendance",
        ),
        PageRoute(
            CoursePage,
            f"{OCCURRENCE}offers/<id:offer_id>/",
            series_views.decide_offer,
            "case_offer_decision",
        ),
    ]


def course_has_calls(course):
    return views.course_calls(course).exists() or series_views.course_series(course).exists()


@hooks.register("page_sections")
def calls_section(page, request):
    """On a course page: a link to its calls, if it has some; for its facilitators and
    editors, the hours report."""
    if not isinstance(page, CoursePage):
        return None
    facilitating = access.can_facilitate(request.user, page)
    has_calls = remembered(f"course-has-calls:{page.pk}", lambda: course_has_calls(page))
    if not has_calls and not facilitating:
        return None
    context = {"page": page, "has_calls": has_calls, "facilitating": facilitating}
    return render_to_string("calls/course_section.html", context, request=request)


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


@hooks.register("load_demo_content", order=65)  # after teams (60), before improvement
def load_calls_demo(scale, stdout):
    from calls import demo

    demo.load(scale, stdout)


@hooks.register("dashboard_panels", order=15)
def my_calls(request):
    """The informational calls to come on which the person has a place or is waiting;
    one query, however many."""
    places = views.upcoming_places(request.user)
    if not places:
        return None
    return render_to_string("calls/dashboard_panel.html", {"places": places}, request=request)
