"""Measures in the admin: editors define every course's measures; a course's facilitators
only their courses' (listing, filters, search, export, add, edit), never another's."""

import pytest
from django.contrib.auth.models import Group

from improvement.models import Measure
from tests.courses.factories import make_course
from tests.improvement.conftest import make_measure

LIST = "/admin/measures/"


@pytest.fixture
def elsewhere(course_index):
    """A measure of another course, which the facilitator does not run."""
    other = make_course(course_index, slug="other", title="Other course")
    return make_measure(other, name='=HYPERLINK("http://x")')


@pytest.fixture
def admin_facilitator(facilitator):
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    return facilitator


def form_data(course, **changes):
    data = {
        "course": course.pk,
        "name": "Patients starting treatment",
        "definition": "New patients with a first session this month.",
        "kind": "count",
        "numerator_label": "Patients",
        "denominator_label": "",
        "unit": "patients",
        "rate_multiplier": "",
        "goal_value": "40",
        "goal_date": "2026-06-01",
        "direction": "higher",
        "required": "on",
        "first_month": "2025-01-01",
        "baseline_months": "6",
        "sort_order": "3",
    }
    return data | changes


def test_editor_lists_filters_searches_and_exports_safely(client, editor, measure, elsewhere):
    make_measure(measure.course, name="Supervised", kind="count", required=False)
    client.force_login(editor)
    html = client.get(LIST).content.decode()
    assert "Screened" in html and "HYPERLINK" in html
    filtered = client.get(LIST, {"required": "false"}).content.decode()
    assert "Supervised" in filtered and "Screened" not in filtered
    searched = client.get(LIST, {"q": "supervised"}).content.decode()
    assert "Supervised" in searched and "Screened" not in searched
    export = client.get(LIST, {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "Screened" in text and "'=HYPERLINK" in text


def test_editor_adds_a_measure_and_bad_input_is_refused(client, editor, course):
    client.force_login(editor)
    response = client.post(f"{LIST}new/", form_data(course, kind="rate"))
    assert response.status_code == 200  # the form again: a rate needs N and a denominator
    assert not Measure.objects.exists()
    response = client.post(f"{LIST}new/", form_data(course, first_month="2025-01-15"))
    assert response.status_code == 200
    assert not Measure.objects.exists()
    assert client.post(f"{LIST}new/", form_data(course)).status_code == 302
    assert Measure.objects.get().kind == "count"


def test_facilitators_manage_only_their_courses_measures(
    client, admin_facilitator, measure, elsewhere
):
    client.force_login(admin_facilitator)
    html = client.get(LIST).content.decode()
    assert "Screened" in html and "HYPERLINK" not in html
    for view in ("edit", "delete", "history", "usage"):
        assert client.get(f"{LIST}{view}/{elsewhere.pk}/").status_code == 404
    response = client.post(f"{LIST}edit/{elsewhere.pk}/", form_data(elsewhere.course))
    assert response.status_code == 404
    response = client.post(f"{LIST}new/", form_data(elsewhere.course))
    assert response.status_code == 200  # another course is not a choice
    assert Measure.objects.count() == 2
    data = form_data(measure.course, name="Screened at intake", kind="percentage")
    response = client.post(f"{LIST}edit/{measure.pk}/", data | {"denominator_label": "Eligible"})
    assert response.status_code == 302
    assert Measure.objects.get(pk=measure.pk).name == "Screened at intake"


def test_participants_have_no_measures_admin(client, participant):
    client.force_login(participant)
    assert client.get(LIST).status_code == 302
