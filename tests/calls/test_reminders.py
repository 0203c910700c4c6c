"""The day-before reminder of informational calls, through `send_reminders`."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from calls.models import CallRegistration
from reminders import sending
from tests.calls.conftest import make_call
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


def test_a_failed_reminder_is_retried_by_the_next_run(course):
    call = make_call(course, days=0)
    call.starts_at = timezone.now() + timedelta(hours=10)
    call.ends_at = call.starts_at + timedelta(hours=1)
    call.save()
    registration = CallRegistration.objects.create(call=call, user=UserFactory())
    with override_settings(EMAIL_BACKEND="tests.applications.backends.FailingBackend"):
        result = sending.run()
    assert result.failed >= 1
    registration.refresh_from_db()
    assert registration.reminded_at is None
    sending.run()
    registration.refresh_from_db()
    assert registration.reminded_at is not None
    assert len(mail.outbox) == 1
