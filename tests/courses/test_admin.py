"""Enrolments in the Wagtail admin: filters, search, export, and who sees which."""

import pytest
from django.contrib.auth.models import Group

from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory

LIST = "/admin/snippets/courses/enrolment/"


@pytest.fixture
def other_course_member(course_index):
    other = make_course(course_index, slug="other", title="Other course")
    member = UserFactory(username="elsewhere", display_name="Omar Elsewhere")
    enrol(member, other)
    return member


def test_editor_lists_filters_and_searches_enrolments(
    client, editor, course, participant, withdrawn, other_course_member
):
    client.force_login(editor)
    html = client.get(LIST).content.decode()
    assert "Bilal Learner" in html and "Omar Elsewhere" in html
    filtered = client.get(LIST, {"course": course.pk, "status": "withdrawn"}).content.decode()
    assert str(withdrawn) in filtered and "Bilal Learner" not in filtered
    searched = client.get(LIST, {"q": "learner1"}).content.decode()
    assert "Bilal Learner" in searched and "Omar Elsewhere" not in searched


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_enrolments_export(client, editor, participant, fmt):
    client.force_login(editor)
    response = client.get(LIST, {"export": fmt})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        text = content.decode()
        assert "Email" in text and "learner1@example.org" in text
    else:
        assert content[:2] == b"PK"  # a zip container: an .xlsx workbook


def test_facilitators_see_only_their_own_courses(
    client, facilitator, participant, other_course_member
):
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    client.force_login(facilitator)
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bilal Learner" in html
    assert "Omar Elsewhere" not in html


def test_participants_have_no_admin(client, participant):
    client.force_login(participant)
    assert client.get(LIST).status_code == 302  # sent to the admin sign-in


def test_editor_manages_thematic_areas(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/courses/theme/add/",
        {"name": "Implementation science", "slug": "implementation-science", "description": ""},
    )
    assert response.status_code == 302
    assert "Implementation science" in client.get("/admin/snippets/courses/theme/").content.decode()
