"""Storyboard reminders through send_reminders: the set number of days before a
learning session, the senior leaders of each active team without a storyboard get one
email, once across runs, in their language; teams with a storyboard, other members and
opted-out leaders get nothing; an outage leaves the email queued once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings

from courses.models import WorkshopPage
from improvement.storyboards import Storyboard, StoryboardReminder
from reminders.sending import run
from tests.core.backends import FlakyBackend
from tests.improvement.test_storyboards import TEXTS

FLAKY = "tests.core.backends.FlakyBackend"


@pytest.fixture
def workshop(course):
    return WorkshopPage.objects.child_of(course).get()


@pytest.fixture
def leader(other_team):
    return other_team.members.get(is_senior_leader=True).user


def test_leaders_of_teams_without_a_storyboard_get_one_email(
    workshop, team, other_team, leader, participant
):
    Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    early = workshop.starts_at - timedelta(days=15)
    assert run(now=early).sent == 0  # not yet: 14 days before
    now = workshop.starts_at - timedelta(days=10)
    assert run(now=now).sent == 1
    (email,) = mail.outbox
    assert email.to == [leader.email] and "Team cairo" in email.subject
    assert f"{workshop.url}storyboards/upload/" in email.body
    assert "/reminders/stop/" in email.body
    assert run(now=now + timedelta(hours=1)).sent == 0  # once
    assert len(mail.outbox) == 1


def test_the_notice_is_a_setting(workshop, other_team, leader):
    with override_settings(IMPROVEMENT_STORYBOARD_REMINDER_DAYS=3):
        assert run(now=workshop.starts_at - timedelta(days=10)).sent == 0
        assert run(now=workshop.starts_at - timedelta(days=2)).sent == 1


def test_in_the_leaders_language_and_not_to_those_who_opted_out(workshop, other_team, leader):
    leader.preferred_language = "ar"
    leader.save()
    run(now=workshop.starts_at - timedelta(days=5))
    (email,) = mail.outbox
    assert '<html lang="ar" dir="rtl">' in email.alternatives[0][0]
    StoryboardReminder.objects.all().delete()
    mail.outbox.clear()
    leader.receives_reminders = False
    leader.save()
    assert run(now=workshop.starts_at - timedelta(days=5)).sent == 0


def test_a_mail_outage_leaves_the_email_queued_once(workshop, other_team, leader):
    """The outbox retries the email until the server is back; the next run does not
    queue it again."""
    now = workshop.starts_at - timedelta(days=5)
    FlakyBackend.failures_left = 1
    with override_settings(EMAIL_BACKEND=FLAKY):
        assert run(now=now).sent == 1
    assert FlakyBackend.failures_left == 0  # the first try failed: this was the retry
    assert [email.to for email in mail.outbox] == [[leader.email]]
    assert run(now=now).sent == 0
    assert len(mail.outbox) == 1 and StoryboardReminder.objects.count() == 1
