"""`load_demo --scale N` grows every table, not only courses and forum posts, and stays
idempotent: the crowd of courses/demo/crowd.py and what each app makes for it."""

import pytest
from django.core.management import call_command
from django.http import HttpRequest

from applications.models import Application, CoreTeamMember
from attendance.models import Attendance
from courses.demo import COURSE_SLUG, crowd
from courses.models import Certificate, Enrolment, ModuleCompletion
from evaluations.models import EvaluationAnswer, EvaluationRespondent
from home.models import User
from improvement.models import MonthlyValue
from roster.models import RosterEntry, RosterLanguage
from teams.models import Team, TeamMember
from tests.home.test_demo import snapshot

GROWN = [
    User,
    Enrolment,
    ModuleCompletion,
    Certificate,
    Attendance,
    EvaluationAnswer,
    EvaluationRespondent,
    Application,
    CoreTeamMember,
    Team,
    TeamMember,
    MonthlyValue,
    RosterEntry,
    RosterLanguage,
]


def counts():
    return {model.__name__: model.objects.count() for model in GROWN}


@pytest.fixture
def demo_at_scale_two(db):
    call_command("load_demo", force=True)
    at_one = counts()
    call_command("load_demo", force=True, scale=2)
    return at_one


def test_scale_two_grows_every_table_and_a_second_run_changes_nothing(demo_at_scale_two):
    at_two = counts()
    assert {name for name, n in at_two.items() if n <= demo_at_scale_two[name]} == set()
    assert User.objects.count() >= 400
    rows = snapshot()
    call_command("load_demo", force=True, scale=2)
    assert snapshot() == rows


def test_the_crowd_is_plausible_signs_in_and_forms_teams_with_data(client, demo_at_scale_two):
    username, name, _organisation, country, _zone = crowd.person(7)
    participant = User.objects.get(username=username)
    assert (participant.display_name, participant.country) == (name, country)
    assert client.login(request=HttpRequest(), username=username, password="collab-demo")
    # Completions spread over the modules; attendance mostly present.
    done = ModuleCompletion.objects.filter(user__in=crowd.users(2)).count()
    assert 2 * crowd.count(2) < done < 4 * crowd.count(2)
    present = Attendance.objects.filter(user__in=crowd.users(2)).count()
    assert 0.8 * 3 * crowd.count(2) < present < 3 * crowd.count(2)
    # Five more teams of six with 16 months of data each, which the facilitator sees.
    client.force_login(User.objects.get(username="facilitator"))
    course = f"/courses/{COURSE_SLUG}/"
    teams = Team.objects.filter(course__slug=COURSE_SLUG)
    assert teams.count() == 10
    listing = client.get(f"{course}teams/").content.decode()
    assert all(team.name in listing for team in teams)
    crowd_team = teams.get(slug="lahore-general-hospital-team-1")
    assert crowd_team.members.count() == 6
    assert MonthlyValue.objects.filter(team=crowd_team).count() == 4 * 16
    assert client.get(f"{course}teams/{crowd_team.slug}/").status_code == 200
