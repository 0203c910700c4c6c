"""Calls in the iCal feeds (the `course_calendar_events` and `personal_calendar_events`
hooks of courses.calendar): each informational call is one event; a consultation series
is one recurring event, its rule as RRULE and its cancelled dates as EXDATE, so calendar
apps show every occurrence and none of the cancelled ones."""

from datetime import datetime, timedelta

from django.utils import timezone
from icalendar import Event, vRecur

from calls.choices import RegistrationStatus
from calls.models import CallRegistration, ConsultationSeries, InformationalCall
from calls.recurrence import first_start, ical_rule
from courses import access
from courses.calendar import UID_DOMAIN, absolute_url

NO_LINK = ""


def call_event(call, course, request, join_url=NO_LINK):
    event = Event()
    event.add("uid", f"call-{call.pk}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", call.starts_at)
    event.add("dtend", call.ends_at)
    event.add("summary", f"{course.title}: {call.title}")
    route = course.reverse_subpage("call", kwargs={"call_id": call.pk})
    event.add("url", absolute_url(course, request) + route)
    if join_url:
        event.add("location", join_url)
        event.add("description", f"Join: {join_url}")
    return event


def series_event(series, course, request, with_join_link):
    event = Event()
    starts = first_start(series)
    event.add("uid", f"consultation-{series.pk}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts)
    event.add("duration", timedelta(minutes=series.duration_minutes))
    event.add("summary", f"{course.title}: {series.title}")
    event.add("rrule", vRecur(ical_rule(series)))
    cancelled = [
        datetime.combine(c.date, series.start_time, tzinfo=series.zone)
        for c in series.cancellations.all()
    ]
    if cancelled:
        event.add("exdate", cancelled)
    route = course.reverse_subpage("consultation_series", kwargs={"series_id": series.pk})
    event.add("url", absolute_url(course, request) + route)
    if with_join_link and series.join_url:
        event.add("location", series.join_url)
    return event


def course_events(course, request):
    original = access.original(course)
    with_links = access.can_view_members_content(request.user, course)
    calls = InformationalCall.objects.filter(course=original)
    series = ConsultationSeries.objects.filter(course=original).prefetch_related("cancellations")
    return [call_event(call, course, request) for call in calls] + [
        series_event(one, course, request, with_links) for one in series
    ]


def personal_events(user, request):
    """The calls the user has a place on, with the join link, and the consultation
    series of the courses they are a member of."""
    places = CallRegistration.objects.filter(
        user=user, status=RegistrationStatus.REGISTERED
    ).select_related("call__course")
    courses = list(access.member_courses(user))
    series = ConsultationSeries.objects.filter(course__in=courses).select_related("course")
    return [
        call_event(place.call, place.call.course, request, place.call.join_url) for place in places
    ] + [
        series_event(one, one.course, request, with_join_link=True)
        for one in series.prefetch_related("cancellations")
    ]
