from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from calls.choices import Frequency, Weekday
from calls.models import ConsultationSeries, InformationalCall
from tests.applications import conftest as applications_fixtures
from tests.courses import conftest as courses_fixtures

course_index = courses_fixtures.course_index
course = courses_fixtures.course
participant = courses_fixtures.participant
facilitator = courses_fixtures.facilitator
stranger = courses_fixtures.stranger
open_course = applications_fixtures.open_course
applicant = applications_fixtures.applicant


def make_call(course, days=3, capacity=2, **fields):
    starts = timezone.now() + timedelta(days=days)
    return InformationalCall.objects.create(
        course=course,
        title=fields.pop("title", "What the collaborative asks of a team"),
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        join_url=fields.pop("join_url", "https://meet.example.org/info-call"),
        capacity=capacity,
        **fields,
    )


@pytest.fixture
def call(course):
    return make_call(course)


@pytest.fixture
def past_call(course):
    return make_call(course, days=-3, title="The first informational call")


def route(course, name, prefix="", **kwargs):
    url = course.url + course.reverse_subpage(name, kwargs=kwargs)
    return f"/{prefix}{url}" if prefix else url


def make_series(course, **fields):
    """Monthly, on the second Tuesday, at 14:00 Amman time, six times from January."""
    defaults = {
        "title": "Monthly consultation call",
        "frequency": Frequency.MONTHLY,
        "weekday": Weekday.TUESDAY,
        "ordinal": 2,
        "start_time": time(14),
        "time_zone": "Asia/Amman",
        "starts_on": date(2027, 1, 1),
        "count": 6,
        "join_url": "https://meet.example.org/consult",
    }
    return ConsultationSeries.objects.create(course=course, **{**defaults, **fields})


@pytest.fixture
def series(course):
    """A monthly series whose next dates are still to come."""
    today = timezone.localdate()
    return make_series(course, starts_on=today.replace(day=1) + timedelta(days=32), count=4)
