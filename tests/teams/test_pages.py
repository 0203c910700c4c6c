"""The team list and a team's page: who sees what, under every language prefix, and
the link from the course page; a learning community has no teams."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from courses.choices import ProgrammeForm
from tests.courses.factories import enrol
from tests.factories import UserFactory
from tests.teams.conftest import join, make_team


def teams_url(course, prefix=""):
    return prefix + course.url + "teams/"


def team_url(team, prefix=""):
    return prefix + team.course.url + f"teams/{team.slug}/"


@pytest.fixture
def arabic(db):
    Locale.objects.get_or_create(language_code="ar")


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_team_page_for_its_members_and_facilitators_only(
    client, arabic, team, other_team, participant, facilitator, stranger, editor, prefix
):
    client.force_login(participant)
    page = client.get(team_url(team, prefix))
    assert page.status_code == 200
    assert "Bilal Learner" in page.content.decode()
    assert "private" in page["Cache-Control"]
    assert client.get(team_url(other_team, prefix)).status_code == 404
    for someone in (facilitator, editor):
        client.force_login(someone)
        assert client.get(team_url(other_team, prefix)).status_code == 200
    client.force_login(stranger)
    assert client.get(team_url(team, prefix)).status_code == 404
    assert client.get(teams_url(team.course, prefix)).status_code == 404


def test_unknown_team_is_404_and_visitors_sign_in(client, team, participant):
    assert client.get(team_url(team)).status_code == 302
    client.force_login(participant)
    assert client.get(team.course.url + "teams/nobody/").status_code == 404


def test_team_page_shows_roles_progress_and_attendance(client, team, participant, facilitator):
    client.force_login(facilitator)
    html = client.get(team_url(team)).content.decode()
    assert "Clinician" in html and "Data contact" in html
    assert "<bdi>0</bdi> of <bdi>3</bdi>" in html  # modules completed of the course's live modules
    assert "Workshop days attended" in html and "0 of 3 days" in html


def test_team_list_for_course_members(client, team, other_team, participant, facilitator):
    client.force_login(participant)
    html = client.get(teams_url(team.course)).content.decode()
    assert "Team karachi" in html and "Team cairo" in html and "Egypt" in html
    assert team_url(team) in html and team_url(other_team) not in html  # links: own team only
    client.force_login(facilitator)
    html = client.get(teams_url(team.course)).content.decode()
    assert team_url(other_team) in html


def test_course_page_links_members_to_the_teams(client, team, participant, stranger):
    client.force_login(participant)
    html = client.get(team.course.url).content.decode()
    assert teams_url(team.course) in html and "Your team: <bdi>Team karachi</bdi>" in html
    client.force_login(stranger)
    assert teams_url(team.course) not in client.get(team.course.url).content.decode()


def test_a_learning_community_has_no_teams(client, team, participant, facilitator):
    course = team.course
    course.programme_form = ProgrammeForm.COMMUNITY
    course.save_revision().publish()
    client.force_login(facilitator)
    assert client.get(teams_url(course)).status_code == 404
    assert client.get(team_url(team)).status_code == 404
    assert teams_url(course) not in client.get(course.url).content.decode()


def count_queries(client, url):
    client.get(url)  # warm up: what every reader shares is remembered until a publish
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_team_pages_cost_fixed_queries(client, team, participant, facilitator):
    client.force_login(facilitator)
    small = count_queries(client, team_url(team)), count_queries(client, teams_url(team.course))
    for number in range(8):
        user = UserFactory(username=f"member{number}")
        enrol(user, team.course)
        join(team, user, "clinician")
        join(make_team(team.course, slug=f"team-{number}"), user, "supervisor")
    large = count_queries(client, team_url(team)), count_queries(client, teams_url(team.course))
    assert large == small
