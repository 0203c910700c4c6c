"""RFC 5545 calendars: the public course calendar and the personal token feed."""

import icalendar
import pytest

from courses.models import CalendarFeed, WorkshopPage
from tests.courses.factories import AMMAN, make_course


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))


def test_course_calendar_has_one_event_per_workshop_at_the_right_times(client, course_index):
    course = make_course(course_index, workshops=3)
    response = client.get("/courses/mh-care/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    workshops = list(WorkshopPage.objects.child_of(course).order_by("starts_at"))
    assert len(found) == len(workshops) == 3
    for event, workshop in zip(found, workshops, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert start == workshop.starts_at and end == workshop.ends_at
        assert start.tzinfo is not None
        assert str(event["dtstart"].params["TZID"]) == "Asia/Amman"
        assert (start.hour, end.hour) == (9, 17)  # wall clock at the venue
        assert str(event["summary"]) == f"{course.title}: {workshop.title}"
        assert str(event["uid"]).startswith(f"workshop-{workshop.pk}@")
    assert icalendar.Calendar.from_ical(response.content).walk("VTIMEZONE")


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
    (event,) = events(response)
    assert event.decoded("dtstart") == WorkshopPage.objects.child_of(course).get().starts_at
    assert "meet.example.org/ws-1" in str(event["description"])


@pytest.mark.parametrize("token", ["not-a-token", "x" * 32])
def test_unknown_tokens_are_404(client, participant, token):
    assert client.get(f"/dashboard/calendar/{token}.ics").status_code == 404


def test_resetting_the_feed_retires_the_old_address(client, participant):
    client.force_login(participant)
    client.get("/dashboard/")
    old = CalendarFeed.objects.get(user=participant).token
    assert client.get("/dashboard/calendar/reset/").status_code == 405
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
