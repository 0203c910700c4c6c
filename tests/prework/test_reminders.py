"""Overdue pre-work through send_reminders: each person who ticks the items (a team's
senior leaders, a community's participant) gets one email listing them, once across
runs, in their language, with the opt-out; an outage leaves the email queued once; done or not yet
due items send nothing."""

from django.core import mail
from django.test import override_settings

from prework.models import PreworkReminder, PreworkTick
from reminders.sending import run
from tests.core.backends import FlakyBackend
from tests.prework.conftest import accepted_days_ago, make_item

FLAKY = "tests.core.backends.FlakyBackend"


def test_leaders_of_a_team_with_overdue_items_get_one_email_across_runs(
    course, team, other_team, leader, participant
):
    overdue = make_item(course, "Sign the participation agreement", due_days=7)
    make_item(course, "Book travel for the first session", due_days=90)  # not yet due
    accepted_days_ago(team, 10)
    accepted_days_ago(other_team, 10)
    PreworkTick.objects.create(item=overdue, team=other_team)  # done: nothing to say
    result = run()
    assert result.sent == 1
    (email,) = mail.outbox
    assert email.to == [leader.email]  # not the clinician
    assert "Sign the participation agreement" in email.body
    assert "Book travel" not in email.body
    assert f"{course.url}teams/{team.slug}/" in email.body
    assert email.extra_headers["List-Unsubscribe"]
    run()
    assert len(mail.outbox) == 1


def test_a_community_participant_is_reminded_in_their_language(community, member):
    member.preferred_language = "ar"
    member.save()
    make_item(community, "Write a one-page case", due_days=7)
    run()
    (email,) = mail.outbox
    assert email.to == [member.email]
    assert "Write a one-page case" in email.body
    assert "Dear" not in email.body


def test_a_mail_outage_leaves_the_email_queued_once(community, member):
    """The outbox retries the email until the server is back; the next run does not
    queue it again."""
    make_item(community, "Write a one-page case", due_days=7)
    FlakyBackend.failures_left = 1
    with override_settings(EMAIL_BACKEND=FLAKY):
        assert run().sent == 1
    assert FlakyBackend.failures_left == 0  # the first try failed: this was the retry
    assert [email.to for email in mail.outbox] == [[member.email]]
    assert run().sent == 0
    assert len(mail.outbox) == 1 and PreworkReminder.objects.count() == 1
