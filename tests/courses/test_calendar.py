"""RFC 5545 calendars: the public course calendar and the personal token feed."""

from datetime import timedelta

import icalendar
import pytest
import vobject
from django.test import override_settings

from courses.models import CalendarFeed, WorkshopPage
from tests.courses.factories import AMMAN, make_course


def batched(items, size):
    return [items[n : n + size] for n in range(0, len(items), size)]


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))


def test_course_calendar_has_one_event_per_workshop_day_with_that_days_hours(client, course_index):
    """A three-day workshop is three events of 09:00–17:00 at the venue, not one
    56-hour event; the days share the workshop's RELATED-TO and category."""
    course = make_course(course_index, workshops=3)
    response = client.get("/courses/mh-care/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    workshops = list(WorkshopPage.objects.child_of(course).order_by("starts_at"))
    assert len(found) == 3 * len(workshops) == 9
    for workshop, days in zip(workshops, batched(found, 3), strict=True):
        assert days[0].decoded("dtstart") == workshop.starts_at
        assert days[-1].decoded("dtend") == workshop.ends_at
        for number, event in enumerate(days, start=1):
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert str(event["dtstart"].params["TZID"]) == "Asia/Amman"
            assert (start.hour, end.hour, start.date()) == (9, 17, end.date())
            assert str(event["summary"]) == f"{course.title}: {workshop.title} (day {number} of 3)"
            assert str(event["uid"]).startswith(f"workshop-{workshop.pk}-day-{number}@")
            assert str(event["related-to"]).startswith(f"workshop-{workshop.pk}@")
            assert [str(c) for c in event["categories"].cats] == [workshop.title]
    assert icalendar.Calendar.from_ical(response.content).walk("VTIMEZONE")


@override_settings(WAGTAILADMIN_BASE_URL="https://lms.example.org")
def test_calendar_links_use_the_public_address_and_parse_in_vobject(client, course):
    """A second, independent parser reads the same feed: the links point at BASE_URL."""
    workshop = WorkshopPage.objects.child_of(course).get()
    content = client.get("/courses/mh-care/calendar.ics").content.decode()
    parsed = vobject.readOne(content)
    found = sorted(parsed.vevent_list, key=lambda event: event.dtstart.value)
    assert len(found) == 3
    assert {event.url.value for event in found} == {f"https://lms.example.org{workshop.url}"}
    # The wall clock at the venue, in the zone the feed names.
    first = found[0].dtstart
    assert first.value.replace(tzinfo=None) == workshop.local_starts_at.replace(tzinfo=None)
    assert "Asia/Amman" in repr(first.value.tzinfo)
    assert {(e.dtend.value - e.dtstart.value).total_seconds() for e in found} == {8 * 3600}
    assert {event.related_to.value.split("@")[0] for event in found} == {f"workshop-{workshop.pk}"}


def test_a_one_day_session_is_one_event(client, course):
    workshop = WorkshopPage.objects.child_of(course).get()
    workshop.ends_at = workshop.starts_at + timedelta(hours=2)
    workshop.save_revision().publish()
    (event,) = events(client.get("/courses/mh-care/calendar.ics"))
    assert str(event["uid"]).startswith(f"workshop-{workshop.pk}@")
    assert "related-to" not in event


def test_course_calendar_keeps_join_links_for_members(client, course, participant):
    assert b"meet.example.org" not in client.get("/courses/mh-care/calendar.ics").content
    client.force_login(participant)
    assert b"meet.example.org" in client.get("/courses/mh-care/calendar.ics").content


def test_unpublished_workshops_and_unknown_courses(client, course):
    WorkshopPage.objects.get().unpublish()
    assert events(client.get("/courses/mh-care/calendar.ics")) == []
    assert client.get("/courses/no-such-course/calendar.ics").status_code == 404
    assert client.post("/courses/mh-care/calendar.ics").status_code == 405


def test_personal_feed_lists_sessions_of_my_courses_only(client, course_index, course, participant):
    make_course(course_index, slug="not-mine", workshops=2)
    client.force_login(participant)
    html = client.get("/dashboard/").content.decode()
    token = CalendarFeed.objects.get(user=participant).token
    assert len(token) >= 32
    assert f"/dashboard/calendar/{token}.ics" in html
    client.logout()
    response = client.get(f"/dashboard/calendar/{token}.ics")
    assert response.status_code == 200
    event, *_other_days = events(response)
    assert event.decoded("dtstart") == WorkshopPage.objects.child_of(course).get().starts_at
    assert "meet.example.org/ws-1" in str(event["description"])


@pytest.mark.parametrize("token", ["not-a-token", "x" * 32])
def test_unknown_tokens_are_404(client, participant, token):
    assert client.get(f"/dashboard/calendar/{token}.ics").status_code == 404


def test_resetting_the_feed_retires_the_old_address(client, participant):
    client.force_login(participant)
    client.get("/dashboard/")
    old = CalendarFeed.objects.get(user=participant).token
    assert client.get("/dashboard/calendar/reset/").status_code == 200  # asks first
    assert CalendarFeed.objects.get(user=participant).token == old
    assert client.post("/dashboard/calendar/reset/").status_code == 302
    new = CalendarFeed.objects.get(user=participant).token
    assert new != old
    assert client.get(f"/dashboard/calendar/{old}.ics").status_code == 404
    assert client.get(f"/dashboard/calendar/{new}.ics").status_code == 200


def test_workshop_form_reads_times_at_the_venue(course, superuser, client):
    """The edit form shows 09:00, the venue's clock, not 06:00 UTC."""
    workshop = WorkshopPage.objects.get()
    assert workshop.starts_at.astimezone(AMMAN).hour == 9
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{workshop.pk}/edit/").content.decode()
    assert workshop.local_starts_at.strftime("%Y-%m-%d 09:00") in html
