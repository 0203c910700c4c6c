"""What already holds (issue 13): every private URL of every app refuses outsiders.

One table, `PRIVATE_URLS`: each row names a URL (built from the data below), what a
signed-in outsider gets (403 or 404) and is fetched by four outsiders (signed out, a
signed-in non-member, a member of another course, a facilitator of another course)
under every language prefix. A signed-out visitor is sent to sign in; the others get the
row's status. No refused response may hold any of the private text in `PRIVATE_TEXT`.
A new private URL joins by being listed in the table.

The data is built once per row (the rows are parametrized, the 4 × 4 fetches are a loop
that collects every failure into one message).
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale

from courses.choices import EnrolmentRole, ProgrammeForm
from courses.course_forums import ensure_course_forum
from courses.models import ModulePage, WorkshopPage
from prework.models import PreworkItem
from tests.applications.conftest import make_application
from tests.courses.factories import enrol, make_course, make_index
from tests.evaluations.conftest import CHANGE, answer_data, make_evaluation
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.improvement.conftest import make_measure
from tests.teams.conftest import join, make_team

PREFIXES = ["", "/ar", "/fa", "/ur"]
OUTSIDERS = ["visitor", "non_member", "other_member", "other_facilitator"]

# Text that only the course's members (or the applicant) may read.
PRIVATE_TEXT = [
    "Secret body of module 3",
    "Supervision rota for the Karachi clinic",  # the topic's title
    "The rota moved to Thursdays",  # its first post
    "Bilal Learner",  # the participant
    "Samira Facilitator",  # the facilitator
    "Team karachi",
    "Nadia Farouk",  # the applicant
    "Shubra Family Health Unit",  # her organisation
    "Dr Ayesha Siddiqui",  # her core team
    "We will protect supervision time",  # an evaluation answer
    "Private words for the cohort",  # the evaluation's thank-you text
]


@dataclass
class Row:
    name: str
    url: object  # (world) -> path without a language prefix
    signed_in: int  # what a signed-in outsider gets: 403 or 404 (200: see the row)
    signed_out: int = 302  # a visitor is sent to sign in (200: see the row)


def evaluation_url(route):
    return lambda w: w["evaluation"].url + w["evaluation"].reverse_subpage(route)


PRIVATE_URLS = [
    # The module's title and summary are public (the programme lists them): its page
    # answers 200 to everyone, with the body left out.
    Row("members-only module", lambda w: w["module"].url, 200, signed_out=200),
    Row("course forum", lambda w: w["forum"].get_absolute_url(), 404),
    Row("topic in the course forum", lambda w: w["topic"].get_absolute_url(), 404),
    Row("workshop attendance", lambda w: w["workshop"].url + "attendance/", 403),
    Row("course attendance CSV", lambda w: w["course"].url + "attendance.csv", 403),
    Row("evaluation results", evaluation_url("results"), 403),
    Row("evaluation results CSV", evaluation_url("results_csv"), 403),
    Row("evaluation thanks", evaluation_url("thanks"), 403),
    Row("certificate", lambda w: w["course"].url + "certificate/", 403),
    Row(
        "application edit",
        lambda w: reverse("courses_application_edit", args=[w["application"].pk]),
        404,
    ),
    Row("team list", lambda w: w["course"].url + "teams/", 404),
    Row("team page", lambda w: w["course"].url + "teams/karachi/", 404),
    Row("team data entry", lambda w: w["course"].url + "teams/karachi/data/", 404),
    Row("team past months", lambda w: w["course"].url + "teams/karachi/data/baseline/", 404),
    Row(
        "team data CSV template", lambda w: w["course"].url + "teams/karachi/data/template.csv", 404
    ),
    Row("collaborative view of the measures", lambda w: w["course"].url + "measures/", 404),
    Row("measures CSV", lambda w: w["course"].url + "measures.csv", 404),
    Row("everyone's pre-work", lambda w: w["course"].url + "prework/", 404),
    Row("team assessment", lambda w: w["course"].url + "teams/karachi/assessment/", 404),
    Row("collaborative assessment", lambda w: w["course"].url + "assessment/", 404),
    # Everyone signed in has notifications of their own: none may show others' topics.
    Row("notifications", lambda w: reverse("notifications:list"), 200),
    # Everyone signed in has a dashboard of their own: it must show nothing of others'.
    Row("dashboard", lambda w: reverse("dashboard"), 200),
]


def build_world(home_page):
    """A collaborative with a members-only module, a workshop with its evaluation, a
    forum topic, a team, an application; and a second course with its own people."""
    for code in ("ar", "fa", "ur"):
        Locale.objects.get_or_create(language_code=code)
    index = make_index(home_page)
    course = make_course(index, programme_form=ProgrammeForm.COLLABORATIVE)
    other = make_course(index, slug="other-course", title="Another course")
    participant = UserFactory(username="learner1", display_name="Bilal Learner")
    enrol(participant, course)
    facilitator = UserFactory(username="facilitator1", display_name="Samira Facilitator")
    enrol(facilitator, course, role=EnrolmentRole.FACILITATOR)
    team = make_team(course)
    join(team, participant, "clinician")
    make_measure(course)
    PreworkItem.objects.create(course=course, title="Sign the participation agreement")

    topic = make_topic(
        ensure_course_forum(course),
        participant,
        title="Supervision rota for the Karachi clinic",
        body="The rota moved to Thursdays",
    )
    workshop = WorkshopPage.objects.child_of(course).get()
    evaluation = make_evaluation(workshop, thank_you_text="<p>Private words for the cohort</p>")
    answer = answer_data(**{CHANGE: "We will protect supervision time"})
    evaluation.record_answer(participant, answer)
    applicant = UserFactory(username="applicant1", display_name="Nadia Farouk")
    application = make_application(course, applicant)

    other_member = UserFactory(username="other-member")
    enrol(other_member, other)
    other_facilitator = UserFactory(username="other-facilitator")
    enrol(other_facilitator, other, role=EnrolmentRole.FACILITATOR)
    return {
        "course": course,
        "module": ModulePage.objects.child_of(course).get(slug="module-3"),
        "forum": topic.forum,
        "topic": topic,
        "workshop": workshop,
        "evaluation": evaluation,
        "application": application,
        "users": {
            "visitor": None,
            "non_member": UserFactory(username="stranger1"),
            "other_member": other_member,
            "other_facilitator": other_facilitator,
        },
    }


def problems(response, row, who):
    """What is wrong with the response one outsider got (empty when it is refused)."""
    found = []
    if who == "visitor" and row.signed_out == 302:
        location = response.get("Location", "")
        if response.status_code != 302 or reverse("login") not in location:
            found.append(f"answered {response.status_code} {location!r}, not a sign-in redirect")
    elif who == "visitor":
        if response.status_code != row.signed_out:
            found.append(f"answered {response.status_code}, not {row.signed_out}")
    elif response.status_code != row.signed_in:
        found.append(f"answered {response.status_code}, not {row.signed_in}")
    body = b"".join(response) if response.streaming else response.content
    text = body.decode(errors="replace")
    found += [f"shows {secret!r}" for secret in PRIVATE_TEXT if secret in text]
    return found


@pytest.mark.parametrize("row", PRIVATE_URLS, ids=[row.name for row in PRIVATE_URLS])
def test_private_urls_refuse_outsiders(client, home_page, row):
    world = build_world(home_page)
    path = row.url(world)
    failures = []
    for who in OUTSIDERS:
        user = world["users"][who]
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        for prefix in PREFIXES:
            response = client.get(prefix + path)
            failures += [f"{who} GET {prefix}{path}: {p}" for p in problems(response, row, who)]
    assert not failures, "\n".join(failures)


def test_the_table_covers_every_language():
    """A new language is a new prefix to try."""
    codes = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    assert {prefix.strip("/") for prefix in PREFIXES if prefix} == codes


def test_the_private_text_is_there_for_those_who_may_read_it(client, home_page):
    """The table's check can fail: the course's facilitator sees the markers."""
    world = build_world(home_page)
    client.force_login(world["course"].enrolments.get(role=EnrolmentRole.FACILITATOR).user)
    seen = {
        name: client.get(row.url(world)).content.decode()
        for row in PRIVATE_URLS
        if (name := row.name) in ("members-only module", "topic in the course forum", "team page")
    }
    assert "Secret body of module 3" in seen["members-only module"]
    assert "The rota moved to Thursdays" in seen["topic in the course forum"]
    assert "Bilal Learner" in seen["team page"]
