import datetime

import pytest

from improvement.choices import MeasureKind
from improvement.models import Measure
from tests.teams import conftest as teams_fixtures

# The teams suite's fixtures (and, through it, the courses suite's), for these tests too.
course_index = teams_fixtures.course_index
course = teams_fixtures.course
participant = teams_fixtures.participant
facilitator = teams_fixtures.facilitator
stranger = teams_fixtures.stranger
team = teams_fixtures.team
other_team = teams_fixtures.other_team


def make_measure(course, name="Screened", kind=MeasureKind.PERCENTAGE, **fields):
    return Measure.objects.create(
        course=course,
        name=name,
        kind=kind,
        definition=fields.pop("definition", f"How {name} is counted"),
        numerator_label=fields.pop("numerator_label", "Screened"),
        denominator_label=fields.pop("denominator_label", "Eligible"),
        first_month=fields.pop("first_month", datetime.date(2025, 1, 1)),
        **fields,
    )


@pytest.fixture
def measure(course):
    return make_measure(course)
