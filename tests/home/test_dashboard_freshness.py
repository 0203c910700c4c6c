"""The dashboard remembers what every reader of a course shares (its pre-work items,
measures, forums and evaluations) and two things of the reader's own (their calendar
address, the evaluations they answered). None of it is ever shown stale: the next
request after the reader's own change, or an editor's, shows it."""

import re

import pytest
from django.urls import reverse

from courses.course_forums import ensure_course_forum
from courses.models import ModuleCompletion, WorkshopPage
from forums.models import ForumTranslation
from prework.choices import PreworkKind
from tests.courses.factories import enrol, modules_of
from tests.evaluations.conftest import answer_data, make_evaluation
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.improvement.conftest import make_measure
from tests.prework import conftest as prework_fixtures
from tests.prework.conftest import make_item
from tests.prework.test_pre_work import states, tick_url
from tests.teams.conftest import join

course_index = prework_fixtures.course_index
course = prework_fixtures.course
participant = prework_fixtures.participant
team = prework_fixtures.team


@pytest.fixture
def leader(client, course, team):
    """The team's senior leader, signed in, who has seen their dashboard once."""
    user = UserFactory(username="leader1", display_name="Layla Leader")
    enrol(user, course)
    join(team, user, "senior_leader")
    client.force_login(user)
    make_measure(course, name="Screened for depression")
    client.get("/dashboard/")
    return user


def dashboard(client, prefix=""):
    response = client.get(f"{prefix}/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_ticked_item_and_an_edited_one_show_at_once(client, course, team, participant, leader):
    manual = make_item(course, "Form your core team")
    modules = modules_of(course)
    by_modules = make_item(course, "Complete the first modules", PreworkKind.MODULES,
                           modules=modules[:2])  # fmt: skip
    assert states(dashboard(client)) == {
        "Form your core team": "to_do",
        "Complete the first modules": "to_do",
    }
    client.post(tick_url(manual), {"team": team.slug, "done": "1"})
    assert states(dashboard(client))["Form your core team"] == "done"
    # Every member completes the first module; the editor asks for that one only.
    for member in (participant, leader):
        ModuleCompletion.objects.create(user=member, module=modules[0])
    assert states(dashboard(client))["Complete the first modules"] == "to_do"
    by_modules.modules.set(modules[:1])
    assert states(dashboard(client))["Complete the first modules"] == "done"
    manual.title = "Form a core team of four"
    manual.save()
    assert "Form a core team of four" in states(dashboard(client))
    manual.delete()
    assert list(states(dashboard(client))) == ["Complete the first modules"]


def test_a_new_or_renamed_measure_shows_at_once(client, course, leader):
    assert "Screened for depression" in dashboard(client)
    measure = make_measure(course, name="Followed up within 30 days")
    assert "Followed up within 30 days" in dashboard(client)
    measure.name = "Followed up within 4 weeks"
    measure.save()
    page = dashboard(client)
    assert "Followed up within 4 weeks" in page and "within 30 days" not in page
    measure.delete()
    assert "Followed up within 4 weeks" not in dashboard(client)


def test_an_answered_evaluation_leaves_the_list_at_once(client, course, leader):
    workshop = WorkshopPage.objects.child_of(course).first()
    evaluation = make_evaluation(workshop, title="Session one evaluation")
    assert "Session one evaluation" in dashboard(client)  # published: a new generation
    assert client.post(evaluation.url, answer_data()).status_code == 302
    assert "Session one evaluation" not in dashboard(client)


def test_a_new_calendar_address_shows_at_once(client, leader):
    first = re.search(r'class="calendar-url">([^<]+)<', dashboard(client))[1]
    assert client.post(reverse("courses_reset_calendar_feed")).status_code == 302
    second = re.search(r'class="calendar-url">([^<]+)<', dashboard(client))[1]
    assert second != first
    assert client.get(second).status_code == 200
    assert client.get(first).status_code == 404


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_a_new_post_and_a_renamed_forum_show_at_once(client, course, participant, leader, prefix):
    forum = ensure_course_forum(course)
    dashboard(client, prefix)
    make_topic(forum, participant, title="Supervision rota for March")
    assert "Supervision rota for March" in dashboard(client, prefix)
    ForumTranslation.objects.create(forum=forum, language_code="ar", name="منتدى الدورة")
    assert ("منتدى الدورة" in dashboard(client, prefix)) == (prefix == "/ar")
