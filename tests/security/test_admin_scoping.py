"""Finding 3 (issue 13): a facilitator's Wagtail admin shows only their own courses.

One table, `ADMIN_URLS`: every listing, chooser, chooser answer, inspect view, edit
view and export that a facilitator (the Facilitators group) can reach. Each is fetched
by the facilitator of the first course and must never show the second course's rows
(`OTHER_TEXT`); the first course's rows are there, so the check can fail. A new admin
view a facilitator can reach joins by being listed.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from attendance.models import Attendance
from attendance.records import workshop_days
from courses.choices import EnrolmentRole, ProgrammeForm
from courses.course_forums import ensure_course_forum
from courses.models import Enrolment, WorkshopPage
from forums.models import Report
from tests.applications.conftest import make_application
from tests.courses.factories import enrol, make_course, make_index
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.improvement.conftest import make_measure
from tests.teams.conftest import make_team

OWN_TEXT = "Bilal Learner"
# The second course's people, topic, team, measure and application.
OTHER_TEXT = [
    "Omar Otherlearner",
    "Rota for the Amman clinic",
    "Team of Irbid",
    "Irbid Health Centre",
    "Depression screened in Irbid",
    "Irbid supervision handout",
]


@dataclass
class Row:
    name: str
    url: object  # (world) -> admin path
    own: bool = True  # the facilitator's own rows appear (False: the view lists none)
    status: object = 200  # REFUSED: 403, 404 or Wagtail's "permission denied" redirect


REFUSED = "refused"


def snippet(model, view, *args):
    return lambda w: reverse(f"wagtailsnippets_{model}:{view}", args=[a(w) for a in args])


def chooser(model, view="choose_results", *args):
    return lambda w: reverse(f"wagtailsnippetchoosers_{model}:{view}", args=[a(w) for a in args])


def other(key):
    return lambda w: w["other"][key].pk


ADMIN_URLS = [
    Row("enrolment listing", snippet("courses_enrolment", "list")),
    Row("enrolment listing page 2", lambda w: snippet("courses_enrolment", "list")(w) + "?p=2"),
    Row("enrolment export", lambda w: snippet("courses_enrolment", "list")(w) + "?export=csv"),
    Row("enrolment chooser", chooser("courses_enrolment", "choose")),
    Row("enrolment chooser results", chooser("courses_enrolment")),
    Row("enrolment chooser results page 2", lambda w: chooser("courses_enrolment")(w) + "?p=2"),
    Row(
        "enrolment chooser search",
        lambda w: chooser("courses_enrolment")(w) + "?q=learner",
    ),
    Row(
        "enrolment chosen JSON",
        chooser("courses_enrolment", "chosen", other("enrolment")),
        own=False,
        status=REFUSED,
    ),
    Row(
        "enrolments chosen JSON",
        lambda w: (
            chooser("courses_enrolment", "chosen_multiple")(w)
            + f"?id={w['own']['enrolment'].pk}&id={w['other']['enrolment'].pk}"
        ),
    ),
    Row(
        "other enrolment's edit view",
        snippet("courses_enrolment", "edit", other("enrolment")),
        own=False,
        status=REFUSED,
    ),
    Row(
        "other enrolment's history",
        snippet("courses_enrolment", "history", other("enrolment")),
        own=False,
        status=REFUSED,
    ),
    Row("attendance listing", snippet("attendance_attendance", "list")),
    Row("attendance export", lambda w: snippet("attendance_attendance", "list")(w) + "?export=csv"),
    Row("attendance chooser results", chooser("attendance_attendance")),
    Row(
        "attendance chosen JSON",
        chooser("attendance_attendance", "chosen", other("attendance")),
        own=False,
        status=REFUSED,
    ),
    Row("topic chooser results", chooser("forums_topic"), own=False),
    Row(
        "topic chosen JSON",
        chooser("forums_topic", "chosen", other("topic")),
        own=False,
        status=REFUSED,
    ),
    Row("forum chooser results", chooser("forums_forum"), own=False),
    Row("report chooser results", chooser("forums_report"), own=False),
    Row(
        "report chosen JSON",
        chooser("forums_report", "chosen", other("report")),
        own=False,
        status=REFUSED,
    ),
    Row("team listing", lambda w: reverse("teams:index"), own=False),
    Row("team export", lambda w: reverse("teams:index") + "?export=csv", own=False),
    Row("measure listing", lambda w: reverse("measures:index"), own=False),
    Row("measure export", lambda w: reverse("measures:index") + "?export=csv", own=False),
    Row("application listing", lambda w: reverse("application:index"), own=False),
    Row(
        "application export",
        lambda w: reverse("application:index") + "?export=csv",
        own=False,
    ),
    Row(
        "other application's inspect view",
        lambda w: reverse("application:inspect", args=[w["other"]["application"].pk]),
        own=False,
        status=REFUSED,
    ),
    # Documents follow Wagtail's collection permissions ("choose"), which the
    # Facilitators group does not have: a facilitator chooses none.
    Row(
        "document chooser results",
        lambda w: reverse("wagtaildocs_chooser:choose_results"),
        own=False,
    ),
    Row(
        "document chosen JSON",
        lambda w: reverse("wagtaildocs_chooser:chosen", args=[w["other"]["document"].pk]),
        own=False,
        status=REFUSED,
    ),
]


def course_data(index, slug, title, learner_name, topic_title, team_name, organisation):
    course = make_course(index, slug=slug, title=title, programme_form=ProgrammeForm.COLLABORATIVE)
    learner = UserFactory(username=f"{slug}-learner", display_name=learner_name)
    enrolment = enrol(learner, course)
    # Enough rows that a second chooser page would exist without the scope.
    for n in range(12):
        enrol(UserFactory(username=f"{slug}-{n}", display_name=f"{learner_name} {n}"), course)
    workshop = WorkshopPage.objects.child_of(course).get()
    attendance = Attendance.objects.create(
        user=learner, workshop=workshop, day=workshop_days(workshop)[0]
    )
    topic = make_topic(ensure_course_forum(course), learner, title=topic_title)
    report = Report.objects.create(post=topic.posts.first(), reporter=learner, reason=topic_title)
    make_team(course, slug=slugify(team_name), name=team_name, organisation=organisation)
    make_measure(course, name=f"Depression screened in {organisation.split()[0]}")
    document = Document.objects.create(
        title=f"{organisation.split()[0]} supervision handout",
        file=ContentFile(b"Supervision rota", name="handout.txt"),
    )
    applicant = UserFactory(username=f"{slug}-applicant")
    application = make_application(course, applicant, organisation=organisation)
    return {
        "course": course,
        "enrolment": enrolment,
        "attendance": attendance,
        "topic": topic,
        "report": report,
        "application": application,
        "document": document,
    }


def slugify(name):
    return name.lower().replace(" ", "-")


def build_world(home_page):
    index = make_index(home_page)
    own = course_data(
        index,
        "mh-care",
        "Scaling up",
        OWN_TEXT,
        "Rota for the Karachi clinic",
        "Team of Karachi",
        "Karachi Health Centre",
    )
    other = course_data(
        index, "other-course", "Another course", *OTHER_TEXT[:3], "Irbid Health Centre"
    )
    facilitator = UserFactory(username="facilitator1", display_name="Samira Facilitator")
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    enrol(facilitator, own["course"], role=EnrolmentRole.FACILITATOR)
    return {"own": own, "other": other, "facilitator": facilitator}


def body(response):
    content = b"".join(response) if response.streaming else response.content
    return content.decode(errors="replace")


@pytest.mark.parametrize("row", ADMIN_URLS, ids=[row.name for row in ADMIN_URLS])
def test_a_facilitator_sees_only_their_courses_in_the_admin(client, home_page, row):
    world = build_world(home_page)
    client.force_login(world["facilitator"])
    response = client.get(row.url(world))
    text = body(response)
    if row.status == REFUSED:
        denied = response.status_code in (403, 404)
        assert denied or response.get("Location") == reverse("wagtailadmin_home")
    else:
        assert response.status_code == row.status, text[:500]
    assert [secret for secret in OTHER_TEXT if secret in text] == []
    if row.own:
        assert OWN_TEXT in text


def test_the_second_course_rows_are_there_for_an_editor(client, home_page, editor):
    """The table's check can fail: an editor's chooser lists both courses."""
    world = build_world(home_page)
    client.force_login(editor)
    text = body(client.get(chooser("courses_enrolment", "chosen", other("enrolment"))(world)))
    assert OTHER_TEXT[0] in text
    assert Enrolment.objects.filter(course=world["other"]["course"]).count() == 13
