import pytest

from teams.models import Team, TeamMember
from tests.applications import conftest as applications_fixtures
from tests.courses import conftest as courses_fixtures
from tests.courses.factories import enrol
from tests.factories import UserFactory

# The courses suite's fixtures, for these tests too.
course_index = courses_fixtures.course_index
course = courses_fixtures.course
participant = courses_fixtures.participant
facilitator = courses_fixtures.facilitator
stranger = courses_fixtures.stranger
open_course = applications_fixtures.open_course
applicant = applications_fixtures.applicant


def make_team(course, slug="karachi", country="Pakistan", **fields):
    return Team.objects.create(
        course=course,
        slug=slug,
        name=fields.pop("name", f"Team {slug}"),
        organisation=fields.pop("organisation", f"Organisation {slug}"),
        country=country,
        **fields,
    )


def join(team, user, *roles):
    return TeamMember.objects.create(team=team, user=user, **{f"is_{r}": True for r in roles})


@pytest.fixture
def team(course, participant):
    team = make_team(course)
    join(team, participant, "clinician", "data_contact")
    return team


@pytest.fixture
def other_team(course):
    """Another team of the course, with another participant."""
    team = make_team(course, slug="cairo", country="Egypt")
    colleague = UserFactory(username="colleague1", display_name="Mona Colleague")
    enrol(colleague, course)
    join(team, colleague, "senior_leader")
    return team
