"""RFC 5545 calendars of workshops and milestones: one per course (public) and one per
user (private)."""

from datetime import timedelta
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail import hooks

UID_DOMAIN = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def absolute_url(page, request):
    """The page's address on the public site (`BASE_URL`), not the host the feed was
    fetched from: calendar apps fetch feeds from anywhere, proxies rewrite hosts."""
    url = page.get_url(request)
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url) if url else ""


def workshop_events(workshop, course, request, with_join_link):
    """One event per day of the workshop, with that day's hours. The days of a
    multi-day workshop are linked: each is RELATED-TO the workshop's own UID and has
    the workshop's title as its category."""
    sessions = workshop.day_sessions()
    workshop_uid = f"workshop-{workshop.pk}@{UID_DOMAIN}"
    events = []
    for number, (starts, ends) in enumerate(sessions, start=1):
        event = Event()
        summary = f"{course.title}: {workshop.title}"
        if len(sessions) == 1:
            event.add("uid", workshop_uid)
        else:
            event.add("uid", f"workshop-{workshop.pk}-day-{number}@{UID_DOMAIN}")
            event.add("related-to", workshop_uid)
            event.add("categories", [workshop.title])
            day = _("day %(number)s of %(days)s") % {"number": number, "days": len(sessions)}
            summary = f"{summary} ({day})"
        event.add("dtstamp", workshop.last_published_at or timezone.now())
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("summary", summary)
        describe(event, workshop, request, with_join_link)
        events.append(event)
    return events


def phase_events(course, phases):
    """One all-day event per phase of the course's timeline (DTEND is exclusive)."""
    events = []
    for phase in phases:
        event = Event()
        event.add("uid", f"phase-{phase.pk}@{UID_DOMAIN}")
        event.add("dtstamp", course.last_published_at or timezone.now())
        event.add("dtstart", phase.starts_on)
        event.add("dtend", phase.ends_on + timedelta(days=1))
        event.add("summary", f"{course.title}: {phase.label}")
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def describe(event, workshop, request, with_join_link):
    event.add("url", absolute_url(workshop, request))
    location = workshop.venue or (workshop.join_url if with_join_link else "")
    if location:
        event.add("location", location)
    description = [workshop.intro]
    if with_join_link and workshop.join_url:
        description.append(f"Join: {workshop.join_url}")
    if any(description):
        event.add("description", "\n\n".join(part for part in description if part))


def contributed_events(hook_name, subject, request):
    """The events other apps add to a calendar: `course_calendar_events`
    (`fn(course, request)`) and `personal_calendar_events` (`fn(user, request)`), each
    returning a list of icalendar events."""
    return [event for fn in hooks.get_hooks(hook_name) for event in fn(subject, request) or []]


def calendar_response(name, events, filename):
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Courses//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
