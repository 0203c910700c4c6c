"""A learning community shows only what applies: no team or measure pages answer (404
under every prefix, even for its facilitators), its page links to none, and pre-work is
per person."""

import pytest

from courses.choices import EnrolmentRole
from tests.courses.factories import enrol
from tests.factories import UserFactory
from tests.prework.conftest import LANGUAGE_PREFIXES, make_item
from tests.teams.conftest import make_team


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_no_team_or_measure_route_answers_for_a_community(client, community, member, prefix):
    team = make_team(community, slug="stray")  # even a team left over from an edit
    facilitator = UserFactory(username="fac-community")
    enrol(facilitator, community, role=EnrolmentRole.FACILITATOR)
    client.force_login(facilitator)
    base = f"{prefix}{community.url}"
    for path in (
        "teams/",
        f"teams/{team.slug}/",
        f"teams/{team.slug}/data/",
        "measures/",
        "measures.csv",
    ):
        assert client.get(base + path).status_code == 404, path
    html = client.get(base).content.decode()
    assert "teams/" not in html and "measures/" not in html


def test_a_community_participant_sees_their_own_pre_work(client, community, member):
    make_item(community, "Write a one-page case")
    client.force_login(member)
    html = client.get(community.url).content.decode()
    assert "Your pre-work" in html
    assert "Write a one-page case" in html
