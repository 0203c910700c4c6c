"""The day-before reminder of informational calls, sent by `send_reminders` (the
reminders app's `send_reminders` hook) to everyone with a place on a call that starts
within the next 24 hours.

Exactly once: the run that sets a registration's `reminded_at` (a conditional update,
so overlapping runs cannot both claim it) queues it in the outbox, which retries it
until it is sent. A call that starts in under an hour gets no reminder: the
confirmation said it all.
"""

from datetime import timedelta

from calls.choices import RegistrationStatus
from calls.emails import reminder_email
from calls.models import CallRegistration
from core.mail import send_all

AHEAD = timedelta(hours=24)
TOO_LATE = timedelta(hours=1)


def due_registrations(now):
    return CallRegistration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at__isnull=True,
        call__starts_at__gt=now + TOO_LATE,
        call__starts_at__lte=now + AHEAD,
        user__is_active=True,
        user__receives_reminders=True,
    ).exclude(user__email="")


def claim(registration, now):
    rows = CallRegistration.objects.filter(pk=registration.pk, reminded_at__isnull=True)
    return rows.update(reminded_at=now) == 1


def send_call_reminders(now, result):
    for registration in due_registrations(now).select_related("call__course", "user"):
        if claim(registration, now):
            send_all([reminder_email(registration)], key=f"calls.reminder:{registration.pk}")
            result.sent += 1
