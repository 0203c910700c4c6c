"""Reviewing applications in the Wagtail admin: who may, the listing, the whole
application, decisions with their record and emails, and enrolling the team."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from applications.choices import ApplicationStatus
from applications.models import ApplicationStatusChange, Invitation
from courses.choices import EnrolmentRole, EnrolmentStatus
from courses.models import Enrolment
from tests.applications.conftest import make_application
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory

LIST = "/admin/application/"


def inspect_url(application):
    return f"{LIST}inspect/{application.pk}/"


@pytest.fixture
def course_facilitator(open_course):
    person = UserFactory(username="fac", display_name="Samira Facilitator")
    person.groups.add(Group.objects.get(name="Facilitators"))
    enrol(person, open_course, role=EnrolmentRole.FACILITATOR)
    return person


def test_editor_lists_filters_and_searches(client, editor, application, course_index, stranger):
    other_course = make_course(course_index, slug="other-course", workshops=0)
    make_application(other_course, stranger, organisation="Karachi Youth Clinic")
    other = make_application(application.course, stranger, organisation="Tehran Health House")
    other.country = "Iran"
    other.save()
    client.force_login(editor)
    html = client.get(LIST).content.decode()
    assert "Shubra Family Health Unit" in html and "Tehran Health House" in html
    assert "Karachi Youth Clinic" in html
    by_country = client.get(LIST, {"country": "Iran"}).content.decode()
    assert "Tehran Health House" in by_country and "Shubra Family" not in by_country
    by_course = client.get(LIST, {"course": other_course.pk}).content.decode()
    assert "Karachi Youth Clinic" in by_course and "Shubra Family" not in by_course
    by_status = client.get(LIST, {"status": "accepted"}).content.decode()
    assert "Shubra Family" not in by_status
    searched = client.get(LIST, {"q": "tehran"}).content.decode()
    assert "Tehran Health House" in searched and "Shubra Family" not in searched


def listing_queries(client):
    with CaptureQueriesContext(connection) as context:
        assert client.get(LIST).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_listing_queries_do_not_grow_with_applications(client, editor, open_course, stranger):
    client.force_login(editor)
    for number in range(3):
        make_application(
            open_course, UserFactory(username=f"applicant-{number}"), f"Clinic {number}"
        )
    client.get(LIST)  # warm up
    few = listing_queries(client)
    for number in range(3, 30):
        make_application(
            open_course, UserFactory(username=f"applicant-{number}"), f"Clinic {number}"
        )
    many = listing_queries(client)
    assert len(few) == len(many), "\n".join(many)


def test_inspect_shows_the_whole_application(client, editor, application):
    client.force_login(editor)
    html = client.get(inspect_url(application)).content.decode()
    for text in (
        "Problem Management Plus",
        "Our director backs it.",
        "Dr Ayesha Siddiqui",
        "sadia@example.org",
        "Supervisor",
        "Decide",
    ):
        assert text in html


def test_decline_with_a_message_is_recorded_and_emailed(client, editor, application, applicant):
    client.force_login(editor)
    response = client.post(
        inspect_url(application),
        {"decision": "declined", "message": "Please apply to the <b>next</b> cohort."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    change = ApplicationStatusChange.objects.get()
    assert (change.changed_by, change.from_status, change.to_status) == (
        editor,
        "submitted",
        "declined",
    )
    assert change.message == "Please apply to the <b>next</b> cohort."
    (email,) = mail.outbox
    assert email.to == [applicant.email]
    assert "Declined" in email.subject and "Perinatal mental health" in email.subject
    assert "Dear Nadia Farouk," in email.body and "<b>next</b>" in email.body
    html = email.alternatives[0][0]
    assert "&lt;b&gt;next&lt;/b&gt;" in html and "<b>next</b>" not in html
    assert not Enrolment.objects.exists()


def test_waitlist_then_accept_enrols_members_with_accounts_and_invites_the_others(
    client, editor, application
):
    UserFactory(username="ayesha", email="Ayesha@Example.org", display_name="Ayesha S.")
    withdrawn_member = UserFactory(username="sadia", email="sadia@example.org")
    Enrolment.objects.create(
        user=withdrawn_member, course=application.course, status=EnrolmentStatus.WITHDRAWN
    )
    client.force_login(editor)
    assert client.post(inspect_url(application), {"decision": "waitlisted"}).status_code == 302
    mail.outbox.clear()
    assert (
        client.post(
            inspect_url(application), {"decision": "accepted", "message": "Welcome!"}
        ).status_code
        == 302
    )
    enrolments = Enrolment.objects.filter(course=application.course, status=EnrolmentStatus.ACTIVE)
    assert set(enrolments.values_list("user__username", flat=True)) == {"ayesha", "sadia"}
    (invitation,) = Invitation.objects.all()
    assert invitation.email == "imran@example.org" and invitation.used_at is None
    recipients = sorted(email.to[0] for email in mail.outbox)
    assert recipients == [
        "Ayesha@Example.org",
        "applicant1@example.org",
        "imran@example.org",
        "sadia@example.org",
    ]
    invite = next(email for email in mail.outbox if email.to == ["imran@example.org"])
    assert "http://testserver/applications/invitation/" in invite.body
    assert invite.alternatives[0][1] == "text/html"
    assert [c.to_status for c in ApplicationStatusChange.objects.all()] == [
        "waitlisted",
        "accepted",
    ]


def test_a_decided_application_cannot_be_decided_again(client, editor, application):
    client.force_login(editor)
    client.post(inspect_url(application), {"decision": "accepted"})
    mail.outbox.clear()
    response = client.post(inspect_url(application), {"decision": "declined"})
    assert response.status_code == 409
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED and not mail.outbox


def test_bad_decisions_are_refused_with_400(client, editor, application):
    client.force_login(editor)
    assert client.post(inspect_url(application), {"decision": "withdrawn"}).status_code == 400
    assert (
        client.post(
            inspect_url(application), {"decision": "accepted", "message": "x" * 5000}
        ).status_code
        == 400
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and not mail.outbox


@override_settings(EMAIL_BACKEND="tests.applications.backends.FailingBackend")
def test_a_mail_outage_keeps_the_decision(client, editor, application):
    """The emails wait in the outbox, retried; the decision stands."""
    client.force_login(editor)
    response = client.post(inspect_url(application), {"decision": "accepted"}, follow=True)
    assert response.status_code == 200 and not mail.outbox
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED


def test_the_courses_facilitator_may_review_but_not_another_courses(
    client, course_facilitator, application, course_index, stranger
):
    other_course = make_course(course_index, slug="other-course", workshops=0)
    elsewhere = make_application(other_course, stranger, organisation="Karachi Youth Clinic")
    client.force_login(course_facilitator)
    html = client.get(LIST).content.decode()
    assert "Shubra Family Health Unit" in html and "Karachi Youth Clinic" not in html
    assert client.get(inspect_url(elsewhere)).status_code == 403
    assert client.post(inspect_url(elsewhere), {"decision": "accepted"}).status_code == 403
    assert client.post(inspect_url(application), {"decision": "waitlisted"}).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WAITLISTED


def test_others_cannot_review(client, application, facilitator):
    """A facilitator of some other course (admin access, no link to this one) gets 403;
    a participant has no admin at all."""
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    client.force_login(facilitator)
    assert client.get(inspect_url(application)).status_code == 403
    assert client.post(inspect_url(application), {"decision": "accepted"}).status_code == 403
    participant = UserFactory(username="plain")
    client.force_login(participant)
    assert client.get(LIST).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
