"""Teams in the admin: editors see and manage every team; a course's facilitators only
their courses' teams (listing, filters, search, export, edit), never another's."""

import pytest
from django.contrib.auth.models import Group

from teams.models import Team
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory
from tests.teams.conftest import make_team

LIST = "/admin/teams/"


@pytest.fixture
def elsewhere(course_index):
    """A team of another course, which the facilitator does not run."""
    other = make_course(course_index, slug="other", title="Other course")
    return make_team(other, slug="tehran", country="Iran", name="Tehran team")


@pytest.fixture
def admin_facilitator(facilitator):
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    return facilitator


def edit_data(team, **changes):
    """The edit form as the admin posts it, with the team's members inline."""
    members = list(team.members.all())
    data = {
        "course": team.course_id,
        "name": team.name,
        "slug": team.slug,
        "organisation": team.organisation,
        "country": team.country,
        "setting": team.setting,
        "status": team.status,
        "named_to_peers": "on",
        "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": len(members),
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    }
    for number, member in enumerate(members):
        data |= {
            f"members-{number}-id": member.pk,
            f"members-{number}-user": member.user_id or "",
            f"members-{number}-name": member.name,
            f"members-{number}-email": member.email,
            f"members-{number}-ORDER": number,
            f"members-{number}-DELETE": "",
        }
        data |= {f"members-{number}-is_{r.value}": "on" for r in member.roles}
    return data | changes


def test_editor_lists_filters_searches_and_exports(client, editor, team, other_team, elsewhere):
    client.force_login(editor)
    html = client.get(LIST).content.decode()
    assert "Team karachi" in html and "Tehran team" in html
    filtered = client.get(LIST, {"country": "Egypt"}).content.decode()
    assert "Team cairo" in filtered and "Team karachi" not in filtered
    searched = client.get(LIST, {"q": "tehran"}).content.decode()
    assert "Tehran team" in searched and "Team karachi" not in searched
    export = client.get(LIST, {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "Team karachi" in text and "Tehran team" in text


def test_facilitators_manage_only_their_courses_teams(
    client, admin_facilitator, team, other_team, elsewhere
):
    client.force_login(admin_facilitator)
    html = client.get(LIST).content.decode()
    assert "Team karachi" in html and "Team cairo" in html and "Tehran team" not in html
    for view in ("edit", "delete", "history", "usage"):
        assert client.get(f"{LIST}{view}/{elsewhere.pk}/").status_code == 404
    response = client.post(f"{LIST}edit/{elsewhere.pk}/", edit_data(elsewhere, name="Taken"))
    assert response.status_code == 404
    assert Team.objects.get(pk=elsewhere.pk).name == "Tehran team"
    response = client.post(f"{LIST}edit/{team.pk}/", edit_data(team, name="Karachi LHWs"))
    assert response.status_code == 302
    assert Team.objects.get(pk=team.pk).name == "Karachi LHWs"


def test_facilitators_cannot_move_a_team_to_another_course(
    client, admin_facilitator, team, elsewhere
):
    client.force_login(admin_facilitator)
    response = client.post(f"{LIST}edit/{team.pk}/", edit_data(team, course=elsewhere.course_id))
    assert response.status_code == 200  # the form again, with the error
    assert Team.objects.get(pk=team.pk).course_id == team.course_id


def test_moving_a_person_to_another_team(client, editor, team, other_team, participant):
    client.force_login(editor)
    data = edit_data(team, **{"members-0-DELETE": "on"})
    assert client.post(f"{LIST}edit/{team.pk}/", data).status_code == 302
    data = edit_data(other_team)
    data |= {
        "members-TOTAL_FORMS": 2,
        "members-1-user": participant.pk,
        "members-1-name": "",
        "members-1-email": "",
        "members-1-is_clinician": "on",
        "members-1-ORDER": 1,
    }
    assert client.post(f"{LIST}edit/{other_team.pk}/", data).status_code == 302
    assert not team.members.exists()
    assert other_team.members.filter(user=participant).exists()


def test_participants_have_no_teams_admin(client, participant):
    client.force_login(participant)
    assert client.get(LIST).status_code == 302


def test_editors_add_a_team_with_a_member(client, editor, course):
    person = UserFactory(username="newbie")
    enrol(person, course)
    client.force_login(editor)
    data = {
        "course": course.pk,
        "name": "Amman team",
        "slug": "amman",
        "organisation": "Amman clinic",
        "country": "Jordan",
        "setting": "",
        "status": "active",
        "members-TOTAL_FORMS": 1,
        "members-INITIAL_FORMS": 0,
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
        "members-0-user": person.pk,
        "members-0-name": "",
        "members-0-email": "",
        "members-0-is_data_contact": "on",
        "members-0-ORDER": 0,
    }
    response = client.post(f"{LIST}new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Team.objects.get(slug="amman").members.get().is_data_contact
