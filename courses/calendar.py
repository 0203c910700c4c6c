"""RFC 5545 calendars of workshops: one per course (public) and one per user (private)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

UID_DOMAIN = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def workshop_event(workshop, course, request, with_join_link):
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}@{UID_DOMAIN}")
    event.add("dtstamp", workshop.last_published_at or timezone.now())
    event.add("dtstart", workshop.local_starts_at)
    event.add("dtend", workshop.local_ends_at)
    event.add("summary", f"{course.title}: {workshop.title}")
    event.add("url", workshop.get_full_url(request))
    location = workshop.venue or (workshop.join_url if with_join_link else "")
    if location:
        event.add("location", location)
    description = [workshop.intro]
    if with_join_link and workshop.join_url:
        description.append(f"Join: {workshop.join_url}")
    if any(description):
        event.add("description", "\n\n".join(part for part in description if part))
    return event


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
