"""Calls in the calendars, and in the application review."""

import pytest
import vobject
from django.urls import reverse

from applications.choices import TeamRole
from calls import registration as places
from calls.models import CallRegistration
from courses.models import CalendarFeed
from tests.applications.conftest import make_application
from tests.applications.test_review import inspect_url
from tests.calls.conftest import make_call
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_place_puts_the_call_with_its_join_link_in_the_personal_calendar(
    client, course, call, stranger
):
    feed = CalendarFeed.objects.create(user=stranger)
    url = reverse("courses_personal_calendar", args=[feed.token])
    assert "info-call" not in client.get(url).content.decode()
    places.register(call, stranger)
    parsed = vobject.readOne(client.get(url).content.decode())
    (event,) = [e for e in parsed.vevent_list if e.uid.value.startswith("call-")]
    assert event.location.value == "https://meet.example.org/info-call"
    assert "What the collaborative asks of a team" in event.summary.value


def test_the_course_calendar_lists_calls_without_their_join_link(client, course, call):
    content = client.get(f"{course.url}calendar.ics").content.decode()
    assert "What the collaborative asks of a team" in content
    assert "meet.example.org" not in content


def test_the_review_says_which_core_team_member_attended_a_call(
    admin_client, open_course, applicant
):
    call = make_call(open_course, days=-5)
    colleague = UserFactory(email="Dr.Sami@Example.org", display_name="Sami Haddad")
    absent = UserFactory(email="absent@example.org", display_name="Absent Person")
    CallRegistration.objects.create(call=call, user=colleague, attended=True)
    CallRegistration.objects.create(call=call, user=absent, attended=False)
    team = [
        ("Sami Haddad", "dr.sami@example.org", TeamRole.SENIOR_LEADER),
        ("Absent Person", "absent@example.org", TeamRole.SUPERVISOR),
    ]
    application = make_application(open_course, applicant, team=team)
    content = admin_client.get(inspect_url(application)).content.decode()
    assert "Sami Haddad attended the informational call" in content
    assert "Absent Person attended" not in content


def test_the_review_says_nothing_when_nobody_attended(admin_client, open_course, applicant):
    application = make_application(open_course, applicant)
    content = admin_client.get(inspect_url(application)).content.decode()
    assert "attended the informational call" not in content
