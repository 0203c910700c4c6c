"""Joining a course through an accepted application.

Core-team members with an account are enrolled at once (`activate_enrolment`). The
others get a link carrying a TimestampSigner token that names their Invitation row: a
forged token fails the signature, an old one expires after APPLICATIONS_INVITATION_DAYS
(default 14), and `used_at`, set by a conditional UPDATE, makes it single use even when
two sign-ups race.

The link only shows the invitation: it is accepted by a POST from the person it names,
a signed-in user whose confirmed email (`User.email_confirmed`) is the invitation's
address, or through sign-up with that address (the token proves it; see
home/accounts.py). Anyone else is refused and the invitation stays unused.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Invitation
from core.mail import absolute
from courses.access import activate_enrolment
from courses.signals import course_invitation_accepted

SALT = "courses.invitation"


class Refused(Exception):
    """An invitation link that cannot be used, with the reason and the HTTP status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def max_age():
    return timedelta(days=settings.APPLICATIONS_INVITATION_DAYS)


def make_token(invitation):
    return signing.TimestampSigner(salt=SALT).sign(str(invitation.pk))


def invitation_url(invitation):
    return absolute(reverse("courses_invitation", args=[make_token(invitation)]))


def already_used():
    return Refused(
        _("This invitation has already been used. Sign in with the account that used it."), 410
    )


def read_token(token):
    """The unused Invitation the token names, or Refused."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age())
    except signing.SignatureExpired as error:
        message = _(
            "This invitation has expired. Ask the colleague who applied for your team to "
            "contact the course team for a new one."
        )
        raise Refused(message, 410) from error
    except signing.BadSignature as error:
        message = _("This invitation link is not valid. Copy the whole link from the email.")
        raise Refused(message, 400) from error
    invitation = Invitation.objects.select_related("course").filter(pk=pk).first()
    if invitation is None:
        raise Refused(_("This invitation no longer exists."), 404)
    if invitation.used_at:
        raise already_used()
    return invitation


def check_recipient(invitation, user):
    """Refused unless `user` has confirmed the address the invitation was sent to."""
    if user.email.lower() != invitation.email.lower():
        message = _(
            "This invitation was sent to another email address. Sign in with the account "
            "that uses it, or create one with that address."
        )
        raise Refused(message, 403)
    if not user.email_confirmed:
        message = _(
            "Confirm your email address first: ask for a confirmation link on your "
            "profile, then open this invitation again."
        )
        raise Refused(message, 403)


def accept(invitation, user):
    check_recipient(invitation, user)
    with transaction.atomic():
        used = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now(), used_by=user
        )
        if not used:
            raise already_used()
        activate_enrolment(user, invitation.course)
        course_invitation_accepted.send(
            sender=Invitation, course=invitation.course, user=user, email=invitation.email
        )


def welcome(invitation):
    return _("Welcome to %(course)s: you are enrolled as a participant.") % {
        "course": invitation.course.title
    }
