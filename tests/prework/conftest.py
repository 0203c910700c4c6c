from datetime import timedelta

import pytest
from django.utils import timezone

from courses.choices import EnrolmentMode, ProgrammeForm
from prework.choices import PreworkKind
from prework.models import PreworkItem
from teams.models import Team
from tests.courses.factories import enrol, make_course, modules_of
from tests.factories import UserFactory
from tests.teams import conftest as teams_fixtures
from tests.teams.conftest import join

# The teams suite's fixtures (and, through it, the courses suite's), for these tests too.
course_index = teams_fixtures.course_index
course = teams_fixtures.course
participant = teams_fixtures.participant
facilitator = teams_fixtures.facilitator
stranger = teams_fixtures.stranger
team = teams_fixtures.team
other_team = teams_fixtures.other_team

LANGUAGE_PREFIXES = ["", "/ar", "/fa", "/ur"]


def make_item(course, title, kind=PreworkKind.MANUAL, due_days=14, modules=(), **fields):
    item = PreworkItem.objects.create(
        course=course, title=title, kind=kind, due_days=due_days, **fields
    )
    item.modules.set(modules)
    return item


def accepted_days_ago(team, days):
    Team.objects.filter(pk=team.pk).update(created_at=timezone.now() - timedelta(days=days))
    team.refresh_from_db()


@pytest.fixture
def leader(course, team):
    user = UserFactory(username="leader1", display_name="Layla Leader")
    enrol(user, course)
    join(team, user, "senior_leader")
    return user


@pytest.fixture
def items(course):
    """A manual item due after 14 days, modules 1 and 2 after 30, baseline after 60."""
    first_two = modules_of(course)[:2]
    return [
        make_item(course, "Form your core team", sort_order=1),
        make_item(course, "Complete modules 1 and 2", PreworkKind.MODULES, 30, first_two,
                  sort_order=2),
        make_item(course, "Enter baseline data", PreworkKind.BASELINE, 60, sort_order=3,
                  baseline_months=2),
    ]  # fmt: skip


@pytest.fixture
def community(course_index):
    course = make_course(
        course_index,
        slug="peers",
        modules=2,
        workshops=0,
        enrolment_mode=EnrolmentMode.OPEN,
        programme_form=ProgrammeForm.COMMUNITY,
    )
    return course


@pytest.fixture
def member(community):
    user = UserFactory(username="peer1", display_name="Pari Peer")
    enrol(user, community, enrolled_at=timezone.now() - timedelta(days=20))
    return user
