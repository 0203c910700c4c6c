"""The hours report: per person, hours in workshops, informational calls and
consultations from attendance; private; a fixed number of queries; a safe CSV."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attendance.models import Attendance
from calls.models import CallRegistration, ConsultationAttendance
from courses.models import WorkshopPage
from teams.models import Team, TeamMember
from tests.calls.conftest import make_call, make_series, route
from tests.courses.factories import enrol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def attend_everything(course, person, series, call):
    workshop = WorkshopPage.objects.child_of(course).first()
    for start, _end in workshop.day_sessions():
        Attendance.objects.create(user=person, workshop=workshop, day=start.date())
    CallRegistration.objects.create(call=call, user=person, attended=True)
    ConsultationAttendance.objects.create(
        series=series, date=datetime.date(2027, 1, 12), user=person
    )


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_csv_adds_up_each_kind_of_session_and_is_formula_safe(client, course, facilitator):
    person = UserFactory(display_name="=HYPERLINK(1)", organisation="+Clinic")
    enrol(person, course)
    series, call = make_series(course, duration_minutes=90), make_call(course, days=-2)
    attend_everything(course, person, series, call)
    workshop = WorkshopPage.objects.child_of(course).first()
    days = len(workshop.day_sessions())
    client.force_login(facilitator)
    header, *rows = rows_of(client.get(route(course, "hours_csv")))
    (row,) = [r for r in rows if r[1] == person.email]
    assert row[0] == "'=HYPERLINK(1)" and row[2] == "'+Clinic"
    assert row[4] == str(days + 2)
    assert float(row[6]) == 1.0 and float(row[7]) == 1.5
    assert float(row[8]) == pytest.approx(float(row[5]) + 2.5)
    assert float(row[5]) > 0


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_report_costs_the_same_for_3_and_30_people(client, course, facilitator):
    series, call = make_series(course), make_call(course, days=-2)
    client.force_login(facilitator)
    counts = {}
    for size in (3, 30):
        while CallRegistration.objects.count() < size:
            person = UserFactory()
            enrol(person, course)
            attend_everything(course, person, series, call)
        counts[size] = (
            queries(client, route(course, "hours")),
            queries(client, route(course, "hours_csv")),
        )
    assert counts[3] == counts[30]


@pytest.mark.parametrize("prefix", ["", "ar", "fa"])
def test_hours_are_private_to_the_person_their_team_and_facilitators(
    client, course, participant, stranger, facilitator, prefix
):
    mate, other = UserFactory(display_name="Team Mate"), UserFactory(display_name="Else Where")
    for person in (mate, other):
        enrol(person, course)
    team = Team.objects.create(course=course, name="Karachi", slug="karachi", country="Pakistan")
    TeamMember.objects.create(team=team, user=participant)
    TeamMember.objects.create(team=team, user=mate)
    page, sheet = route(course, "hours", prefix), route(course, "hours_csv", prefix)
    assert "/accounts/login/" in client.get(sheet)["Location"]
    client.force_login(stranger)
    assert client.get(page).status_code == 404
    assert client.get(sheet).status_code == 404
    client.force_login(participant)
    content = client.get(page).content.decode()
    assert "Team Mate" in content and "Else Where" not in content
    assert "Else Where" not in client.get(sheet).content.decode()
    client.force_login(facilitator)
    assert "Else Where" in client.get(sheet).content.decode()


def test_the_hours_table_stacks_on_a_phone(client, course, participant):
    """Each cell names its column (site.css stacks `.table--stack` rows at 40rem)."""
    client.force_login(participant)
    html = client.get(route(course, "hours", "")).content.decode()
    assert '<table class="table--stack">' in html
    for column in ("Sessions attended", "Workshop hours", "Total hours"):
        assert f'<td data-label="{column}">' in html
