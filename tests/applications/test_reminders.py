"""send_reminders: what is due is queued once for each active participant (the outbox
sends and retries it: tests/core/test_outbox.py), old reminders are skipped, opted-out
and withdrawn people get nothing, and each email is in its reader's language with a
one-click opt-out."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from courses.choices import EnrolmentStatus
from courses.models import Enrolment
from reminders.choices import DeliveryStatus
from reminders.models import ReminderDelivery, SessionMessage
from reminders.sending import RunResult, run, schedule
from tests.applications.conftest import past_workshop
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory

FAILING = "tests.applications.backends.FailingBackend"


@pytest.fixture
def follow_up(course):
    """A 7-day reminder that fell due an hour ago and a 14-day one that is not due yet."""
    return past_workshop(course, timedelta(days=7, hours=1), reminders=((7, False), (14, False)))


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_sends_what_is_due_once_to_active_participants(
    follow_up, participant, facilitator, withdrawn
):
    result = run()
    assert recipients() == [participant.email]
    (email,) = mail.outbox
    assert email.subject == "Reminder 7 days on"
    assert (
        "Dear Bilal Learner," in email.body
        and "Try it with one client this week (7)." in email.body
    )
    assert f"http://testserver{follow_up.url}" in email.body
    html, kind = email.alternatives[0]
    assert kind == "text/html" and f'href="http://testserver{follow_up.url}"' in html
    assert result.sent == 1
    delivery = ReminderDelivery.objects.get()
    assert (delivery.user, delivery.status, delivery.attempts) == (participant, "sent", 1)
    assert delivery.sent_at is not None and delivery.claim == ""


def test_a_second_run_sends_nothing(follow_up, participant):
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert recipients() == [participant.email]
    assert ReminderDelivery.objects.count() == 1


def test_nothing_before_its_time(follow_up, participant):
    run(now=timezone.now() - timedelta(hours=2))
    assert not mail.outbox and not ReminderDelivery.objects.exists()


def test_facilitators_get_it_when_the_reminder_says_so(course, participant, facilitator):
    past_workshop(course, timedelta(days=3, hours=1), reminders=((3, True),))
    run()
    assert recipients() == sorted([participant.email, facilitator.email])


def test_a_mail_outage_leaves_the_reminder_queued_once(follow_up, participant):
    """The run queues and records; the outbox's retries, not the next run, send it."""
    with override_settings(EMAIL_BACKEND=FAILING):
        run()
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 1) and not mail.outbox
    assert run().sent == 0


def test_a_participant_who_withdrew_gets_nothing_even_if_already_due(follow_up, participant):
    schedule(timezone.now(), RunResult())
    Enrolment.objects.filter(user=participant).update(status=EnrolmentStatus.WITHDRAWN)
    result = run()
    assert not mail.outbox and result.skipped == 1
    assert ReminderDelivery.objects.get().status == DeliveryStatus.SKIPPED


def test_reminders_due_long_before_they_were_first_seen_are_skipped(course, participant):
    past_workshop(course, timedelta(days=10), reminders=((7, False), (9, False)))
    with override_settings(REMINDERS_CATCH_UP=timedelta(days=2)):
        run()
    assert recipients() == [participant.email]  # only the one due a day ago
    statuses = dict(ReminderDelivery.objects.values_list("reminder__days_after", "status"))
    assert statuses == {7: "skipped", 9: "sent"}


def test_unpublished_follow_up_pages_send_nothing(follow_up, participant):
    follow_up.unpublish()
    run()
    assert not mail.outbox


def test_opted_out_people_get_nothing(follow_up, participant):
    participant.receives_reminders = False
    participant.save()
    run()
    assert not mail.outbox and not ReminderDelivery.objects.exists()


def test_the_one_click_opt_out_link_works_signed_out(client, follow_up, participant):
    run()
    (email,) = mail.outbox
    url = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in email.body
    path = url.removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200 and "Stop reminder emails?" in page.content.decode()
    participant.refresh_from_db()
    assert participant.receives_reminders  # a link scanner's GET changes nothing
    assert client.post(path).status_code == 200
    participant.refresh_from_db()
    assert not participant.receives_reminders
    assert client.post("/reminders/stop/forged-token/").status_code == 400


def test_reminders_can_be_turned_off_in_the_profile(client, participant):
    client.force_login(participant)
    assert 'name="receives_reminders"' in client.get("/accounts/profile/").content.decode()
    data = {"display_name": "Bilal", "preferred_language": "en", "time_zone": "UTC"}
    assert client.post("/accounts/profile/", data).status_code == 302
    participant.refresh_from_db()
    assert not participant.receives_reminders


def test_the_email_is_in_the_readers_language(follow_up, participant):
    participant.preferred_language = "ar"
    participant.save()
    run()
    (email,) = mail.outbox
    html = email.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert "http://testserver/ar/reminders/stop/" in email.body


def test_session_messages_go_out_at_their_time_with_the_same_machinery(
    course, participant, facilitator, follow_up
):
    now = timezone.now()
    due = SessionMessage.objects.create(
        course=course,
        follow_up=follow_up,
        send_at=now - timedelta(minutes=5),
        subject="Looking back, looking ahead",
        body="Bring one barrier to the next call.",
        include_facilitators=True,
    )
    SessionMessage.objects.create(
        course=course, send_at=now + timedelta(days=1), subject="Later", body="Not yet."
    )
    run()
    subjects = sorted((message.subject, message.to[0]) for message in mail.outbox)
    assert subjects == sorted(
        [
            ("Looking back, looking ahead", participant.email),
            ("Looking back, looking ahead", facilitator.email),
            ("Reminder 7 days on", participant.email),
        ]
    )
    looking = next(message for message in mail.outbox if message.subject.startswith("Looking"))
    assert f"http://testserver{follow_up.url}" in looking.body
    assert ReminderDelivery.objects.filter(message=due, status="sent").count() == 2
    run()
    assert len(mail.outbox) == 3


def row_cells(html, text):
    """The cell texts of the listing row that mentions `text`."""
    row = next(row for row in html.split("<tr") if text in row).split("</tr>")[0]
    return [" ".join(re.sub("<[^>]*>", " ", "<td" + cell).split()) for cell in row.split("<td")[1:]]


def test_admin_lists_sent_pending_and_failed_per_reminder_and_message(
    client, editor, course, follow_up, participant
):
    other = UserFactory(username="other-participant")
    enrol(other, course)
    run()
    # A failure recorded before emails were tasks is still counted.
    ReminderDelivery.objects.filter(user=participant).update(status=DeliveryStatus.FAILED)
    SessionMessage.objects.create(
        course=course, send_at=timezone.now(), subject="Looking ahead", body="Soon."
    )
    schedule(timezone.now(), RunResult())
    client.force_login(editor)
    html = client.get("/admin/reminder_deliveries/").content.decode()
    assert "Failed, will retry" in html and "Gave up" in html
    # columns: subject, page, days, then pending, sent, failed, gave up, skipped
    assert row_cells(html, "Reminder 7 days on")[-5:] == ["0", "1", "1", "0", "0"]
    assert row_cells(html, "Reminder 14 days on")[-5:] == ["0", "0", "0", "0", "0"]
    messages_page = client.get("/admin/sessionmessage/").content.decode()
    assert row_cells(messages_page, "Looking ahead")[-5:] == ["2", "0", "0", "0", "0"]


def test_only_editors_see_the_delivery_counts(client, participant, facilitator):
    client.force_login(participant)
    assert client.get("/admin/reminder_deliveries/").status_code == 302


def test_editors_schedule_session_messages_in_the_admin(
    client, editor, course, follow_up, course_index
):
    client.force_login(editor)
    data = {
        "course": course.pk,
        "follow_up": follow_up.pk,
        "send_at": "2030-05-01 09:00",
        "subject": "Looking ahead to workshop 2",
        "body": "Bring your first month's numbers.",
    }
    response = client.post("/admin/sessionmessage/new/", data)
    assert response.status_code == 302
    message = SessionMessage.objects.get()
    assert (message.course_id, message.follow_up_id) == (course.pk, follow_up.pk)
    other = make_course(course_index, slug="other-course", workshops=0)
    response = client.post("/admin/sessionmessage/new/", {**data, "course": other.pk})
    assert response.status_code == 200  # the form again, with the error
    assert "Choose a follow-up page of this course." in response.content.decode()
    assert SessionMessage.objects.count() == 1


def test_a_delivery_left_claimed_by_a_dead_run_is_queued_by_the_next(follow_up, participant):
    """Queuing and recording are one transaction: a claimed row was never queued."""
    schedule(timezone.now(), RunResult())
    long_ago = timezone.now() - timedelta(hours=2)
    ReminderDelivery.objects.update(claim="dead-run", claimed_at=long_ago)
    run()
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.claim) == ("sent", "")
    assert recipients() == [participant.email]
