"""Subscribing with an email address and no account: double opt-in.

The subscribe form only sends a link; the subscriber exists once that link is followed
and confirmed, so an address typed by someone else is never subscribed and nothing is
stored before. The confirmation link is signed and expires (CONFIRM_MAX_AGE); the
unsubscribe link in every announcement never does (old emails keep working).
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from announcements.models import OptOut, Subscriber
from core.mail import absolute, build_email, send_all

CONFIRM_SALT = "announcements.confirm"
UNSUBSCRIBE_SALT = "announcements.unsubscribe"
CONFIRM_MAX_AGE = 3 * 24 * 3600  # three days


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def normalise(email):
    return email.strip().lower()


def is_subscribed(email):
    return Subscriber.objects.filter(email=normalise(email)).exists()


def confirm_token(email, language):
    return signing.dumps({"email": normalise(email), "language": language}, salt=CONFIRM_SALT)


def read_confirm_token(token):
    """{"email", "language"} of a valid, unexpired link; LinkExpired or LinkInvalid."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None


def unsubscribe_token(email):
    return signing.dumps(normalise(email), salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise LinkInvalid from None


def ask_to_confirm(email):
    """Email `email` the confirmation link, or, if it is subscribed already, say so
    there: the page answers alike, so it tells nobody who subscribed."""
    language = translation.get_language()
    if is_subscribed(email):
        template, subject = "announcements/email/already_subscribed", _("You are subscribed")
        link = absolute(reverse("announcements_unsubscribe", args=[unsubscribe_token(email)]))
    else:
        template, subject = "announcements/email/confirm", _("Confirm your subscription")
        link = absolute(reverse("announcements_confirm", args=[confirm_token(email, language)]))
    send_all([build_email(normalise(email), subject, template, {"link": link})])


def subscribe(email, language):
    """Store the confirmed subscriber; False if the address was subscribed already."""
    email = normalise(email)
    try:
        with transaction.atomic():
            Subscriber.objects.create(email=email, language=language)
            OptOut.objects.filter(email=email).delete()
    except IntegrityError:
        return False
    return True


def unsubscribe(email):
    """No more announcements to `email`, whatever their audience."""
    email = normalise(email)
    with transaction.atomic():
        Subscriber.objects.filter(email=email).delete()
        OptOut.objects.get_or_create(email=email)
