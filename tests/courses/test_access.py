"""Members-only module bodies and join links: decided on every request by courses.access."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from courses import access
from courses.choices import CourseRole
from tests.courses.factories import enrol, make_course

SECRET = "Secret body of module 3"


def view_module_3(client, user):
    if user:
        client.force_login(user)
    return client.get("/courses/mh-care/module-3/")


@pytest.mark.parametrize("who", [None, "stranger", "withdrawn"])
def test_members_only_body_is_hidden_from_non_members(client, course, request, who):
    user = request.getfixturevalue(who) if who else None
    response = view_module_3(client, user)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Summary of module 3" in html
    assert SECRET not in html
    if user is None:
        assert "Sign in to continue" in html
    else:
        assert "Enrol in the course to continue." in html


@pytest.mark.parametrize("who", ["facilitator", "editor", "superuser"])
def test_members_only_body_is_shown_to_facilitators_and_editors(client, course, request, who):
    html = view_module_3(client, request.getfixturevalue(who)).content.decode()
    assert SECRET in html


def test_members_only_body_is_shown_to_a_participant_once_unlocked(client, participant, modules):
    client.force_login(participant)
    assert SECRET not in client.get(modules[2].url).content.decode()  # locked by module 2
    for module in modules[:2]:
        module.completions.create(user=participant)
    assert SECRET in client.get(modules[2].url).content.decode()


def test_open_module_body_is_public(client, modules):
    assert "Secret body of module 1" in client.get(modules[0].url).content.decode()


def test_member_pages_are_private_to_caches(client, participant, modules):
    """A shared cache must never hand one member's page (body, progress) to someone else."""
    client.force_login(participant)
    response = client.get(modules[0].url)
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_join_link_only_for_members(client, course, stranger, participant):
    assert (
        "meet.example.org/ws-1" not in client.get("/courses/mh-care/workshop-1/").content.decode()
    )
    client.force_login(stranger)
    assert (
        "meet.example.org/ws-1" not in client.get("/courses/mh-care/workshop-1/").content.decode()
    )
    client.force_login(participant)
    assert "meet.example.org/ws-1" in client.get("/courses/mh-care/workshop-1/").content.decode()


def test_course_role_names_the_strongest_role(course, participant, facilitator, withdrawn, editor):
    assert access.course_role(AnonymousUser(), course) is None
    assert access.course_role(withdrawn, course) is None
    assert access.course_role(participant, course) == CourseRole.PARTICIPANT
    assert access.course_role(facilitator, course) == CourseRole.FACILITATOR
    assert access.course_role(editor, course) == CourseRole.EDITOR
    assert access.can_facilitate(facilitator, course)
    assert not access.can_facilitate(participant, course)
    assert access.tracks_progress(participant, course)
    assert not access.tracks_progress(facilitator, course)


def test_members_lists_active_and_completed_not_withdrawn(
    course, participant, facilitator, withdrawn
):
    assert set(access.members(course)) == {participant, facilitator}
    assert list(access.members(course, role="facilitator")) == [facilitator]


def test_membership_is_per_course(course_index, course, participant):
    other = make_course(course_index, slug="other")
    assert access.course_role(participant, other) is None
    enrol(participant, other)
    assert list(access.member_courses(participant)) == [course, other]


def test_answers_are_remembered_for_the_request(course, participant, django_assert_num_queries):
    access.course_role(participant, course)
    with django_assert_num_queries(0):
        access.course_role(participant, course)
        access.can_view_members_content(participant, course)


def test_page_cache_never_mixes_visitors_and_members(client, course, facilitator):
    member = Client()
    member.force_login(facilitator)
    assert SECRET in member.get("/courses/mh-care/module-3/").content.decode()
    for _ in range(2):  # the second visit is served from the anonymous page cache
        assert SECRET not in client.get("/courses/mh-care/module-3/").content.decode()
    assert SECRET in member.get("/courses/mh-care/module-3/").content.decode()
