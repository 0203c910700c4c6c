"""Accepting an application creates its team (the `core_team_accepted` signal, sent by
applications and received by teams); invited people take their place on signing up;
a failing receiver undoes the acceptance."""

import pytest

from applications.choices import ApplicationStatus
from applications.models import Application
from applications.review import decide
from courses.signals import core_team_accepted
from teams.models import Team
from tests.applications.conftest import TEAM, make_application
from tests.applications.test_invitations import signup
from tests.factories import UserFactory


def test_accepting_creates_the_team_with_its_core_team(open_course, applicant, editor):
    sadia = UserFactory(username="sadia", email="Sadia@example.org")
    team = [*TEAM, ("Sadia Malik", "sadia@example.org", "clinician")]  # two roles, one person
    application = make_application(open_course, applicant, team=team)
    decide(application, ApplicationStatus.ACCEPTED, editor)
    created = Team.objects.get(course=open_course)
    assert (created.name, created.organisation, created.country) == (
        "Shubra Family Health Unit",
        "Shubra Family Health Unit",
        "Egypt",
    )
    members = {m.display_name: m for m in created.members.select_related("user")}
    assert set(members) == {"Dr Ayesha Siddiqui", sadia.get_full_name(), "Imran Butt"}
    assert members[sadia.get_full_name()].user == sadia
    assert [r.value for r in members[sadia.get_full_name()].roles] == ["supervisor", "clinician"]
    invited = members["Imran Butt"]
    assert invited.user is None and invited.email == "imran@example.org"


def test_wait_listing_or_declining_creates_no_team(application_pair, editor):
    first, second = application_pair
    decide(first, ApplicationStatus.WAITLISTED, editor)
    decide(second, ApplicationStatus.DECLINED, editor)
    assert not Team.objects.exists()


@pytest.fixture
def application_pair(open_course, applicant):
    other = UserFactory(username="applicant2")
    return make_application(open_course, applicant), make_application(
        open_course, other, organisation="Alexandria Family Health Centre"
    )


def test_two_organisations_with_one_slug_get_two_teams(open_course, applicant, editor):
    other = UserFactory(username="applicant2")
    for person, organisation in ((applicant, "Shubra unit"), (other, "Shubra  Unit!")):
        decide(make_application(open_course, person, organisation), "accepted", editor)
    assert sorted(Team.objects.values_list("slug", flat=True)) == ["shubra-unit", "shubra-unit-2"]


def test_the_invited_member_joins_the_team_on_signing_up(client, open_course, applicant, editor):
    application = make_application(open_course, applicant)
    decide(application, ApplicationStatus.ACCEPTED, editor)
    invitation = application.team.get(email="imran@example.org").invitations.get()
    assert signup(client, invitation).status_code == 302
    member = Team.objects.get(course=open_course).members.get(is_clinician=True)
    assert member.user.username == "imran" and member.email == ""


def test_a_failing_receiver_undoes_the_acceptance(open_course, applicant, editor):
    application = make_application(open_course, applicant)

    def broken(**kwargs):
        raise RuntimeError("teams could not be stored")

    core_team_accepted.connect(broken, dispatch_uid="test-broken")
    try:
        with pytest.raises(RuntimeError):
            decide(application, ApplicationStatus.ACCEPTED, editor)
    finally:
        core_team_accepted.disconnect(dispatch_uid="test-broken")
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED
    assert not Team.objects.exists()
