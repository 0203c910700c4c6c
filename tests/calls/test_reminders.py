"""The day-before reminder of informational calls, through `send_reminders`."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from calls.models import CallRegistration
from reminders import sending
from tests.calls.conftest import make_call
from tests.core.backends import FlakyBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_people_with_a_place_are_reminded_once_the_day_before(course):
    tomorrow = make_call(course, days=0, capacity=1)
    tomorrow.starts_at = timezone.now() + timedelta(hours=20)
    tomorrow.ends_at = tomorrow.starts_at + timedelta(hours=1)
    tomorrow.save()
    later = make_call(course, days=5)
    placed, waiting, quiet = UserFactory(), UserFactory(), UserFactory(receives_reminders=False)
    CallRegistration.objects.create(call=tomorrow, user=placed)
    CallRegistration.objects.create(call=tomorrow, user=waiting, status="waiting")
    CallRegistration.objects.create(call=tomorrow, user=quiet)
    CallRegistration.objects.create(call=later, user=placed)
    sending.run()
    (email,) = mail.outbox
    assert email.to == [placed.email]
    assert "https://meet.example.org/info-call" in email.body
    assert "List-Unsubscribe" in email.extra_headers
    sending.run()
    assert len(mail.outbox) == 1


def test_a_mail_outage_leaves_the_reminder_queued_once(course):
    """The outbox retries the reminder until the server is back; the next run does not
    queue it again."""
    call = make_call(course, days=0)
    call.starts_at = timezone.now() + timedelta(hours=10)
    call.ends_at = call.starts_at + timedelta(hours=1)
    call.save()
    registration = CallRegistration.objects.create(call=call, user=UserFactory())
    mail.outbox.clear()  # the registration's confirmation
    FlakyBackend.failures_left = 1
    with override_settings(EMAIL_BACKEND="tests.core.backends.FlakyBackend"):
        assert sending.run().sent == 1
    assert FlakyBackend.failures_left == 0  # the first try failed: this was the retry
    assert [email.to for email in mail.outbox] == [[registration.user.email]]
    assert sending.run().sent == 0
    assert len(mail.outbox) == 1
