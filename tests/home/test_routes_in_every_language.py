"""Every route of every app answers under /ar/ as it does unprefixed, on the demo where
the course is translated into Arabic and its workshops are not (table-driven: one row
per route). A facilitator who reads Arabic is sent from `<workshop>/attendance/` to the
/ar/ address and gets the page."""

import pytest
from django.core.management import call_command

from courses.demo import COURSE_SLUG
from courses.models import CoursePage, WorkshopPage
from evaluations.models import EvaluationPage
from home.models import User

COURSE = f"/courses/{COURSE_SLUG}/"

# (who, method, path below /ar/ with {course}, {workshop}, {evaluation}, expected status)
ROUTES = [
    ("facilitator", "get", "{course}", 200),
    ("facilitator", "get", "{course}calendar.ics", 200),
    ("facilitator", "get", "{course}attendance.csv", 200),
    ("facilitator", "get", "{course}certificate/", 403),
    ("nour.elsayed", "get", "{course}certificate/", 200),
    ("facilitator", "get", "{workshop}", 200),
    ("facilitator", "get", "{workshop}attendance/", 200),
    ("facilitator", "get", "{evaluation}results/", 200),
    ("facilitator", "get", "{evaluation}results/csv/", 200),
    ("learner", "get", "{evaluation}", 200),
    ("learner", "post", "{course}withdraw/", 302),
    ("editor", "post", "{course}enrol/", 302),
    ("learner", "get", "/dashboard/", 200),
    ("learner", "get", "/forums/", 200),
    ("learner", "get", "/library/", 200),
    ("learner", "get", "/library/feed/", 200),
    ("learner", "get", "/accounts/profile/", 200),
    ("learner", "get", "{course}teams/karachi/pdsa/", 200),
    ("facilitator", "get", "{course}pdsa/", 200),
    ("learner", "get", "{course}pdsa/", 404),
]


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True)
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="en")
    workshop = WorkshopPage.objects.child_of(course).live().order_by("path").first()
    evaluation = EvaluationPage.objects.descendant_of(workshop).live().first()
    return {"course": course.url, "workshop": workshop.url, "evaluation": evaluation.url}


@pytest.mark.parametrize(("who", "method", "path", "status"), ROUTES)
def test_every_route_answers_under_the_arabic_prefix(client, demo, who, method, path, status):
    url = path.format(**demo)
    client.force_login(User.objects.get(username=who))
    english = getattr(client, method)(url)
    arabic = getattr(client, method)(f"/ar{url}")
    assert (english.status_code, arabic.status_code) == (status, status), url


def test_an_arabic_reading_facilitator_is_sent_to_the_arabic_attendance_page(client, demo):
    facilitator = User.objects.get(username="facilitator")
    facilitator.preferred_language = "ar"
    facilitator.save()
    client.force_login(facilitator)
    response = client.get(f"{demo['workshop']}attendance/", follow=True)
    assert response.redirect_chain[0][0] == f"/ar{demo['workshop']}attendance/"
    assert response.status_code == 200
