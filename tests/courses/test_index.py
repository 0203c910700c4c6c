"""The course index: filters by thematic area and status, and the enrolment state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.choices import EnrolmentMode
from courses.models import Theme
from tests.courses.factories import make_course


@pytest.fixture
def catalogue(course_index):
    today = timezone.localdate()
    policy = Theme.objects.create(name="Policy engagement", slug="policy-engagement")
    running = make_course(course_index, slug="running", title="Running course")
    running.themes = [policy]
    running.save()
    make_course(
        course_index,
        slug="upcoming",
        title="Upcoming course",
        start_date=today + timedelta(days=30),
        end_date=today + timedelta(days=90),
        enrolment_mode=EnrolmentMode.APPLICATION,
    )
    make_course(
        course_index,
        slug="finished",
        title="Finished course",
        start_date=today - timedelta(days=90),
        end_date=today - timedelta(days=1),
    )
    return running


def titles(response):
    html = response.content.decode()
    return {t for t in ("Running course", "Upcoming course", "Finished course") if t in html}


def test_index_lists_every_live_course_with_dates_and_state(client, catalogue):
    response = client.get("/courses/")
    assert titles(response) == {"Running course", "Upcoming course", "Finished course"}
    html = response.content.decode()
    assert "By application" in html
    assert "Policy engagement" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=upcoming", {"Upcoming course"}),
        ("status=running", {"Running course"}),
        ("status=finished", {"Finished course"}),
        ("theme=policy-engagement", {"Running course"}),
        ("theme=policy-engagement&status=finished", set()),
        ("theme=&status=", {"Running course", "Upcoming course", "Finished course"}),
    ],
)
def test_index_filters(client, catalogue, query, expected):
    response = client.get(f"/courses/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize("query", ["status=someday", "theme=no-such-theme"])
def test_unknown_filter_values_are_400_with_a_message(client, catalogue, query):
    response = client.get(f"/courses/?{query}")
    assert response.status_code == 400
    assert "Please choose a thematic area and status" in response.content.decode()


def test_index_shows_where_i_am_enrolled(client, catalogue, participant):
    client.force_login(participant)
    assert "You are enrolled" in client.get("/courses/").content.decode()


def test_unpublished_courses_are_not_listed(client, catalogue):
    catalogue.unpublish()
    assert "Running course" not in titles(client.get("/courses/"))
