"""Places on informational calls: the one place that registers, cancels and promotes
from the waiting list, under a lock on the call's row so two people never take the last
place. Confirmation emails go after the transaction commits, so a failed send never
undoes a registration."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from calls.choices import RegistrationStatus
from calls.emails import confirmation_email
from calls.models import CallRegistration, InformationalCall
from core.mail import send_all


class Refused(Exception):
    """A registration that cannot be made, with the reason and the HTTP status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message, self.status = message, status


def places_taken(call):
    return call.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def register(call, user, now=None):
    """The new registration (on the call, or on its waiting list when it is full)."""
    if call.starts_at <= (now or timezone.now()):
        raise Refused(_("This call has already taken place; registration is closed."), 400)
    try:
        with transaction.atomic():
            InformationalCall.objects.select_for_update().get(pk=call.pk)
            if CallRegistration.objects.filter(call=call, user=user).exists():
                raise Refused(_("You are already registered for this call."), 409)
            full = places_taken(call) >= call.capacity
            status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
            registration = CallRegistration.objects.create(call=call, user=user, status=status)
    except IntegrityError as error:  # a second request of the same person won the race
        raise Refused(_("You are already registered for this call."), 409) from error
    if status == RegistrationStatus.REGISTERED:
        confirm(registration)
    return registration


def cancel(call, user):
    """Give up the user's place (or waiting-list place); the first person waiting takes
    a freed place. False when there was nothing to cancel."""
    with transaction.atomic():
        InformationalCall.objects.select_for_update().get(pk=call.pk)
        registration = CallRegistration.objects.filter(call=call, user=user).first()
        if registration is None:
            return False
        registration.delete()
        promoted = None
        if registration.status == RegistrationStatus.REGISTERED and not call.is_past:
            promoted = call.registrations.filter(status=RegistrationStatus.WAITING).first()
            if promoted:
                promoted.status = RegistrationStatus.REGISTERED
                promoted.save(update_fields=["status"])
    if promoted:
        confirm(promoted)
    return True


def confirm(registration):
    if registration.user.email:
        transaction.on_commit(lambda: send_all([confirmation_email(registration)]))


def waiting_position(registration):
    """1 for the first person on the waiting list."""
    return (
        registration.call.registrations.filter(
            status=RegistrationStatus.WAITING, registered_at__lte=registration.registered_at
        )
        .exclude(registered_at=registration.registered_at, pk__gt=registration.pk)
        .count()
    )


def save_attendance(call, user_ids):
    """Mark exactly these registered people as having attended, the others as absent.
    An id of someone without a place is a forged form: ValueError, nothing saved."""
    rows = call.registrations.filter(status=RegistrationStatus.REGISTERED)
    if set(user_ids) - set(rows.values_list("user_id", flat=True)):
        raise ValueError(user_ids)
    with transaction.atomic():
        rows.filter(user_id__in=user_ids).update(attended=True)
        rows.exclude(user_id__in=user_ids).update(attended=False)


def registrations_of(user, calls):
    """{call id: registration} of the user on these calls, in one query."""
    if not user.is_authenticated:
        return {}
    rows = CallRegistration.objects.filter(user=user, call__in=calls)
    return {row.call_id: row for row in rows}
