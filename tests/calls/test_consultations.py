"""Consultation series: their dates, the calendar's RRULE and EXDATE, attendance per
date, and case-presentation offers with their queue, private to the person's team and
the facilitators."""

import datetime

import pytest
import vobject
from dateutil import tz

from calls.models import CaseOffer, ConsultationAttendance, ConsultationCancellation
from calls.recurrence import occurrences
from teams.models import Team, TeamMember
from tests.calls.conftest import make_series, route
from tests.courses.factories import enrol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_monthly_series_meets_on_the_second_tuesday_at_14_amman_time(course):
    series = make_series(course)
    ConsultationCancellation.objects.create(series=series, date=datetime.date(2027, 3, 9))
    dates = [(start.date(), start.hour, off) for start, _end, off in occurrences(series)]
    assert dates == [
        (datetime.date(2027, 1, 12), 14, False),
        (datetime.date(2027, 2, 9), 14, False),
        (datetime.date(2027, 3, 9), 14, True),
        (datetime.date(2027, 4, 13), 14, False),
        (datetime.date(2027, 5, 11), 14, False),
        (datetime.date(2027, 6, 8), 14, False),
    ]


def test_the_course_calendar_has_one_recurring_event_without_cancelled_dates(client, course):
    series = make_series(course)
    ConsultationCancellation.objects.create(series=series, date=datetime.date(2027, 3, 9))
    content = client.get(f"{course.url}calendar.ics").content.decode()
    assert content.count("RRULE:") == 1
    assert "FREQ=MONTHLY" in content and "BYDAY=2TU" in content
    calendar = vobject.readOne(content)
    (event,) = [e for e in calendar.vevent_list if e.uid.value.startswith("consultation-")]
    starts = list(event.getrruleset())
    amman = tz.gettz("Asia/Amman")
    assert [s.astimezone(amman).date() for s in starts] == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 4, 13),
        datetime.date(2027, 5, 11),
        datetime.date(2027, 6, 8),
    ]
    # 14:00 on the Amman wall clock (vobject reads Jordan's 2022 move to UTC+3 wrongly,
    # so the hour is read from the event itself).
    assert "DTSTART;TZID=Asia/Amman:20270112T140000" in content
    assert "meet.example.org" not in content  # the join link is for members


def test_an_until_date_ends_a_weekly_series(course):
    series = make_series(
        course,
        frequency="weekly",
        ordinal=None,
        weekday=0,
        count=None,
        starts_on=datetime.date(2027, 1, 1),
        until=datetime.date(2027, 1, 25),
    )
    assert [s.day for s, _e, _c in occurrences(series)] == [4, 11, 18, 25]


def first_day(series):
    return occurrences(series)[0][0].date().isoformat()


@pytest.mark.parametrize("prefix", ["", "ar"])
def test_the_series_is_for_course_members(client, course, series, participant, stranger, prefix):
    url = route(course, "consultation_series", prefix, series_id=series.pk)
    day = route(course, "consultation", prefix, series_id=series.pk, day=first_day(series))
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert client.get(day).status_code == 404
    client.force_login(participant)
    assert client.get(url).status_code == 200
    assert client.get(day).status_code == 200


def test_a_date_the_series_does_not_meet_is_404(client, course, series, participant):
    client.force_login(participant)
    for day in ("2027-13-01", "not-a-date", "2020-01-01"):
        url = route(course, "consultation", series_id=series.pk, day=day)
        assert client.get(url).status_code == 404


def offer(client, course, series, day, **data):
    url = route(course, "case_offer", series_id=series.pk, day=day)
    fields = {"title": "A mother who stopped coming", "summary": "After the third visit…"}
    return client.post(url, {**fields, **data}, follow=True)


def test_an_offer_without_the_confirmation_is_400_and_not_stored(
    client, course, series, participant
):
    client.force_login(participant)
    response = offer(client, course, series, first_day(series))
    assert response.status_code == 400
    assert "Confirm that the case contains no personal health information." in (
        response.content.decode()
    )
    assert not CaseOffer.objects.exists()


def test_an_offer_is_stored_once_and_a_second_is_409(client, course, series, participant):
    client.force_login(participant)
    day = first_day(series)
    response = offer(client, course, series, day, no_health_information="on")
    assert "the facilitators will approve or decline" in response.content.decode()
    assert offer(client, course, series, day, no_health_information="on").status_code == 409
    assert CaseOffer.objects.get().status == "pending"


def test_offers_for_a_past_date_are_refused(client, course, participant):
    series = make_series(course, starts_on=datetime.date(2024, 1, 1))
    client.force_login(participant)
    response = offer(client, course, series, "2024-01-09", no_health_information="on")
    assert response.status_code == 400
    assert not CaseOffer.objects.exists()


def make_offer(series, user, title, day):
    return CaseOffer.objects.create(
        series=series, date=day, user=user, title=title, summary="…", no_health_information=True
    )


@pytest.mark.parametrize("prefix", ["", "ar"])
def test_offers_are_private_to_the_team_and_the_facilitators(
    client, course, series, participant, facilitator, prefix
):
    day = first_day(series)
    team = Team.objects.create(course=course, name="Karachi", slug="karachi", country="Pakistan")
    mate, other = UserFactory(), UserFactory()
    for person in (mate, other):
        enrol(person, course)
    TeamMember.objects.create(team=team, user=participant)
    TeamMember.objects.create(team=team, user=mate)
    make_offer(series, mate, "Our team's case", datetime.date.fromisoformat(day))
    make_offer(series, other, "Another team's case", datetime.date.fromisoformat(day))
    url = route(course, "consultation", prefix, series_id=series.pk, day=day)
    client.force_login(participant)
    content = client.get(url).content.decode()
    assert "Our team&#x27;s case" in content or "Our team's case" in content
    assert "Another team" not in content
    client.force_login(facilitator)
    content = client.get(url).content.decode()
    assert "Another team" in content and 'name="decision"' in content


def test_facilitators_approve_and_decline_and_others_cannot(
    client, course, series, participant, facilitator
):
    day = first_day(series)
    case = make_offer(series, participant, "Case", datetime.date.fromisoformat(day))
    url = route(course, "case_offer_decision", series_id=series.pk, day=day, offer_id=case.pk)
    client.force_login(participant)
    assert client.post(url, {"decision": "approved"}).status_code == 404
    client.force_login(facilitator)
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    case.refresh_from_db()
    assert case.status == "pending"
    assert client.post(url, {"decision": "approved"}).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.decided_by) == ("approved", facilitator)


def test_each_date_has_its_own_attendance(client, course, series, participant, facilitator):
    first, second = (s.date() for s, _e, _c in occurrences(series)[:2])
    client.force_login(facilitator)
    url = route(course, "consultation_attendance", series_id=series.pk, day=first.isoformat())
    assert client.post(url, {"attended": [participant.pk]}).status_code == 302
    assert client.post(url, {"attended": [facilitator.pk]}).status_code == 400
    rows = set(ConsultationAttendance.objects.values_list("user_id", "date"))
    assert rows == {(participant.pk, first)}
    client.force_login(participant)
    assert client.post(url, {"attended": []}).status_code == 404
    assert second not in {d for _u, d in rows}
