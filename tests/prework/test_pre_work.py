"""Pre-work: items tick themselves when the site can check them (modules completed,
baseline data), team leaders or the participant tick the rest, facilitators see everyone
at a glance; private on every request and language prefix; bad ticks refused."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from courses.choices import EnrolmentRole
from courses.models import ModuleCompletion
from improvement.models import MonthlyValue
from prework.models import PreworkTick
from tests.courses.factories import enrol, modules_of
from tests.factories import UserFactory
from tests.improvement.conftest import make_measure
from tests.prework.conftest import LANGUAGE_PREFIXES, accepted_days_ago, make_item
from tests.teams.conftest import join, make_team


def states(html):
    """{item title: state word} of a pre-work list."""
    found = re.findall(
        r'<li class="prework__item prework__item--(\w+)">\s*<strong><bdi>([^<]+)</bdi>', html
    )
    return {title: state for state, title in found}


def team_url(team):
    return f"{team.course.url}teams/{team.slug}/"


def tick_url(item, prefix=""):
    return f"{prefix}{item.course.url}prework/{item.pk}/tick/"


def test_the_team_page_shows_each_items_state(client, course, team, participant, items):
    accepted_days_ago(team, 40)  # the manual item (14 days) is overdue, modules (30) too
    client.force_login(participant)
    html = client.get(team_url(team)).content.decode()
    assert states(html) == {
        "Form your core team": "overdue",
        "Complete modules 1 and 2": "overdue",
        "Enter baseline data": "to_do",
    }
    assert "Mark as done" not in html  # a clinician, not a senior leader


def test_modules_and_baseline_items_tick_themselves(client, course, team, participant, items):
    for module in modules_of(course)[:2]:
        ModuleCompletion.objects.create(user=participant, module=module)
    measure = make_measure(course)
    for month in (measure.first_month, measure.first_month.replace(month=2)):
        MonthlyValue.objects.create(
            team=team, measure=measure, month=month, numerator=3, denominator=10
        )
    client.force_login(participant)
    found = states(client.get(team_url(team)).content.decode())
    assert found["Complete modules 1 and 2"] == "done"
    assert found["Enter baseline data"] == "done"
    # A new member who has not completed the modules: the team is not done any more.
    newcomer = UserFactory(username="newcomer")
    join(team, newcomer, "clinician")
    assert (
        states(client.get(team_url(team)).content.decode())["Complete modules 1 and 2"] == "to_do"
    )


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_a_senior_leader_ticks_and_unticks_a_manual_item(client, team, leader, items, prefix):
    client.force_login(leader)
    html = client.get(f"{prefix}{team_url(team)}").content.decode()
    with translation.override(prefix.strip("/") or "en"):
        assert gettext("Mark as done") in html
    response = client.post(
        tick_url(items[0], prefix), {"team": team.slug, "done": "1", "next": team_url(team)}
    )
    assert response.status_code == 302
    assert PreworkTick.objects.get(item=items[0]).team == team
    assert states(client.get(team_url(team)).content.decode())["Form your core team"] == "done"
    client.post(tick_url(items[0], prefix), {"team": team.slug, "done": "0"})
    assert not PreworkTick.objects.exists()


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_bad_ticks_are_refused_and_nothing_is_written(
    client, team, other_team, leader, participant, items, prefix
):
    client.force_login(leader)
    cases = [
        (items[0], {"team": other_team.slug, "done": "1"}, 403),  # another team's item
        (items[1], {"team": team.slug, "done": "1"}, 400),  # ticks itself
        (items[0], {"team": "nowhere", "done": "1"}, 400),
        (items[0], {"team": team.slug, "done": "maybe"}, 400),
    ]
    for item, data, status in cases:
        response = client.post(tick_url(item, prefix), data)
        assert response.status_code == status, data
        assert 'role="alert"' in response.content.decode()
    client.force_login(participant)  # a member of the team, but not its leader
    assert (
        client.post(tick_url(items[0], prefix), {"team": team.slug, "done": "1"}).status_code == 403
    )
    assert client.get(tick_url(items[0], prefix)).status_code == 405
    assert (
        client.post(f"{prefix}{team.course.url}prework/999/tick/", {"done": "1"}).status_code == 404
    )
    assert not PreworkTick.objects.exists()


def test_an_item_of_another_course_is_not_found(client, course_index, team, leader, items):
    from tests.courses.factories import make_course

    elsewhere = make_course(course_index, slug="elsewhere")
    foreign = make_item(elsewhere, "Their item")
    client.force_login(leader)
    response = client.post(
        f"{team.course.url}prework/{foreign.pk}/tick/", {"team": team.slug, "done": "1"}
    )
    assert response.status_code == 404
    assert not PreworkTick.objects.exists()


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_only_facilitators_and_editors_see_everyones_pre_work(
    client, course, team, other_team, participant, stranger, facilitator, editor, items, prefix
):
    url = f"{prefix}{course.url}prework/"
    assert client.get(url).status_code == 302  # visitors sign in first
    for person in (participant, stranger):
        client.force_login(person)
        assert client.get(url).status_code == 404
    for person in (facilitator, editor):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert team.name in html and other_team.name in html
        assert "Form your core team" in html


def test_other_teams_never_see_a_teams_pre_work(client, team, other_team, participant, items):
    client.force_login(participant)
    assert client.get(team_url(other_team)).status_code == 404


def queries_for(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_overview_and_team_page_cost_the_same_for_more_teams_and_items(
    client, course, team, facilitator, items
):
    make_measure(course)  # improvement's own sections on the team page, in both sizes
    client.force_login(facilitator)
    small = queries_for(client, f"{course.url}prework/"), queries_for(client, team_url(team))
    for number in range(6):
        other = make_team(course, slug=f"team-{number}")
        join(other, UserFactory(username=f"member-{number}"), "senior_leader", "clinician")
        make_item(course, f"Extra item {number}", due_days=number)
        PreworkTick.objects.create(item=items[0], team=other)
    large = queries_for(client, f"{course.url}prework/"), queries_for(client, team_url(team))
    assert small == large


def test_the_overview_stacks_on_a_phone_each_state_named_by_its_item(
    client, course, team, facilitator, items
):
    client.force_login(facilitator)
    html = client.get(f"{course.url}prework/").content.decode()
    assert '<table class="prework-table table--stack">' in html
    for item in items:
        assert f'data-label="{item.title}"' in html


def test_a_community_participant_ticks_their_own_pre_work(client, community, member):
    item = make_item(community, "Write a one-page case", due_days=7)
    module = make_item(community, "Complete module 1", "modules", 30, modules_of(community)[:1])
    client.force_login(member)
    html = client.get(community.url).content.decode()
    assert states(html) == {"Write a one-page case": "overdue", "Complete module 1": "to_do"}
    response = client.post(tick_url(item), {"done": "1"})
    assert response.status_code == 302
    assert PreworkTick.objects.get().user == member
    assert client.post(tick_url(module), {"done": "1"}).status_code == 400
    found = states(client.get("/dashboard/").content.decode())
    assert found["Write a one-page case"] == "done"


def test_in_a_community_pre_work_is_per_person_and_private(client, community, member, stranger):
    item = make_item(community, "Write a one-page case")
    peer = UserFactory(username="peer2")
    enrol(peer, community)
    PreworkTick.objects.create(item=item, user=member)
    client.force_login(peer)
    assert states(client.get(community.url).content.decode()) == {"Write a one-page case": "to_do"}
    client.force_login(stranger)  # not enrolled: no list, and no tick
    assert "prework__item" not in client.get(community.url).content.decode()
    assert client.post(tick_url(item), {"done": "1"}).status_code == 403
    assert PreworkTick.objects.count() == 1


def test_a_communitys_facilitator_sees_each_participant(client, community, member):
    make_item(community, "Write a one-page case")
    facilitator = UserFactory(username="fac2")
    enrol(facilitator, community, role=EnrolmentRole.FACILITATOR)
    client.force_login(facilitator)
    html = client.get(f"{community.url}prework/").content.decode()
    assert "Pari Peer" in html
    assert "Everyone" in client.get(community.url).content.decode()
