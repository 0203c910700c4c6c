"""The facilitators' list of every team's PDSA cycles: filtered by measure and status
with a plain GET form, the change ideas teams adopted, for facilitators and editors only,
at a fixed cost in queries."""

import pytest

from improvement.pdsa_choices import CycleDecision, CycleStatus
from tests.courses.conftest import make_course
from tests.improvement.conftest import make_measure
from tests.improvement.test_pdsa import PREFIXES, languages, make_cycle
from tests.teams.test_pages import count_queries

languages = languages  # the fixture, for these tests too


def list_url(course, prefix=""):
    return f"{prefix}{course.url}pdsa/"


@pytest.fixture
def cycles(team, other_team, measure, course):
    calls = make_measure(course, name="Follow-up call within 7 days")
    return {
        "adopted": make_cycle(
            team, [measure], change_idea="PHQ-9 at intake",
            status=CycleStatus.COMPLETED, decision=CycleDecision.ADOPT,
        ),
        "running": make_cycle(
            other_team, [calls], change_idea="Call on day 3", status=CycleStatus.RUNNING
        ),
        "abandoned": make_cycle(
            other_team, [measure], change_idea="Text reminders",
            status=CycleStatus.COMPLETED, decision=CycleDecision.ABANDON,
        ),
    }  # fmt: skip


def test_facilitators_see_every_teams_cycles_and_what_was_adopted(client, cycles, facilitator):
    client.force_login(facilitator)
    html = client.get(list_url(cycles["adopted"].team.course)).content.decode()
    for idea in ("PHQ-9 at intake", "Call on day 3", "Text reminders"):
        assert idea in html
    adopted = html[html.index('id="adopted-heading"') : html.index("<table")]
    assert "PHQ-9 at intake" in adopted and "Text reminders" not in adopted


def test_the_list_filters_by_measure_and_status(client, cycles, measure, facilitator):
    course = measure.course
    client.force_login(facilitator)
    html = client.get(list_url(course), {"measure": measure.pk}).content.decode()
    assert "PHQ-9 at intake" in html and "Text reminders" in html and "Call on day 3" not in html
    html = client.get(
        list_url(course), {"measure": measure.pk, "status": CycleStatus.COMPLETED}
    ).content.decode()
    assert "PHQ-9 at intake" in html and "Call on day 3" not in html
    html = client.get(list_url(course), {"status": CycleStatus.RUNNING}).content.decode()
    assert "Call on day 3" in html and "PHQ-9 at intake" not in html


def test_a_bad_filter_is_a_400_with_its_message(client, cycles, measure, facilitator, course_index):
    elsewhere = make_measure(make_course(course_index, slug="elsewhere"), name="Elsewhere")
    client.force_login(facilitator)
    for query in ({"measure": elsewhere.pk}, {"measure": "x"}, {"status": "someday"}):
        response = client.get(list_url(measure.course), query)
        assert response.status_code == 400, query
        assert "Choose a measure and a status" in response.content.decode()
        assert "PHQ-9 at intake" not in response.content.decode()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_only_facilitators_and_editors_see_the_list(
    client, languages, cycles, participant, stranger, editor, prefix
):
    course = cycles["adopted"].team.course
    for someone in (participant, stranger):
        client.force_login(someone)
        assert client.get(list_url(course, prefix)).status_code == 404
    client.force_login(editor)
    assert client.get(list_url(course, prefix)).status_code == 200
    client.logout()
    assert client.get(list_url(course, prefix)).status_code == 302


def test_the_list_costs_the_same_for_3_or_30_cycles(client, cycles, team, measure, facilitator):
    course = measure.course
    client.force_login(facilitator)
    client.get(list_url(course))  # warm the site and locale caches
    small = count_queries(client, list_url(course))
    for n in range(27):
        make_cycle(team, [measure], change_idea=f"Idea {n}")
    assert count_queries(client, list_url(course)) == small


def test_facilitators_find_the_list_from_the_measures_and_a_teams_log(
    client, cycles, team, facilitator, participant
):
    course = team.course
    client.force_login(facilitator)
    assert list_url(course) in client.get(f"{course.url}measures/").content.decode()
    assert list_url(course) in client.get(f"{course.url}teams/{team.slug}/pdsa/").content.decode()
    client.force_login(participant)
    assert list_url(course) not in client.get(f"{course.url}measures/").content.decode()
