"""Every view below a course, workshop or evaluation is a route of its page, under every
language prefix; a child page cannot take a route's slug, and a system check reports
pages that already have one."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from wagtail.models import Page

from courses.models import FollowUpPage, ModulePage, WorkshopPage
from evaluations.models import EvaluationPage


def workshop_of(course):
    return WorkshopPage.objects.child_of(course).first()


def test_every_route_of_a_course_is_reserved_for_its_children():
    assert ModulePage.reserved_slugs() == {
        "enrol",
        "withdraw",
        "complete",
        "uncomplete",
        "certificate",
        "calendar.ics",
        "attendance.csv",
        "teams",
        "measures",
        "measures.csv",
        "pdsa",
        "assessment",
        "prework",
        "calls",
        "consultations",
        "hours",
        "hours.csv",
    }


@pytest.mark.parametrize("slug", ["certificate", "enrol", "withdraw"])
def test_a_module_cannot_take_a_course_route_slug(course, slug):
    with pytest.raises(ValidationError, match="reserved"):
        course.add_child(instance=ModulePage(title="Clash", slug=slug, summary="A module"))


def test_pages_below_a_workshop_cannot_take_its_attendance_slug(course):
    workshop = workshop_of(course)
    with pytest.raises(ValidationError, match="reserved"):
        workshop.add_child(instance=FollowUpPage(title="Clash", slug="attendance"))


def test_evaluations_are_children_of_courses_and_workshops_without_being_named_there(course):
    """The evaluations app adds its page type below courses and workshops by naming
    them as its parents; courses does not name it."""
    for parent in (type(course), WorkshopPage):
        assert EvaluationPage in parent.allowed_subpage_models()
        assert "evaluations.EvaluationPage" not in parent.subpage_types


def test_a_page_hidden_behind_a_route_is_reported(course):
    module = ModulePage.objects.child_of(course).first()
    Page.objects.filter(pk=module.pk).update(slug="certificate")
    warnings = [w for w in run_checks(databases=["default"]) if w.id == "courses.W001"]
    assert len(warnings) == 1
    assert f"id {module.pk}" in warnings[0].msg and "certificate" in warnings[0].msg


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_course_routes_answer_under_every_language_prefix(client, course, facilitator, prefix):
    client.force_login(facilitator)
    workshop = workshop_of(course)
    calendar = client.get(f"{prefix}{course.url}calendar.ics")
    assert calendar.status_code == 200 and calendar["Content-Type"].startswith("text/calendar")
    spreadsheet = client.get(f"{prefix}{course.url}attendance.csv")
    assert spreadsheet.status_code == 200 and spreadsheet["Content-Type"].startswith("text/csv")
    assert client.get(f"{prefix}{workshop.url}attendance/").status_code == 200
    # Not completed: the certificate is refused with a reason, not missing.
    assert client.get(f"{prefix}{course.url}certificate/").status_code == 403
