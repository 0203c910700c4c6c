"""Sign-up and proof of an email address.

An account made by sign-up stays inactive (it cannot sign in) until its owner follows
the link emailed to the address: so sign-up answers the same whether or not the address
is known, and signing in cannot tell either. A known address gets no second account; its
owner is told by email that someone tried. `email_confirmed` is what invitations and
accepted core teams trust (applications/review.py, applications/invitations.py); a
password reset also proves the address. An invitation token proves it too, so sign-up
through an invitation makes an active, confirmed account at once.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from applications.invitations import accept
from core.mail import absolute, build_email, in_language, send_all, sign, unsign

SALT = "home.confirm_email"


class UsernameTaken(Exception):
    """Another sign-up took the username between the form's check and the insert."""


def confirmation_url(user, next_url=""):
    """The link to confirm `user`'s address; with `next_url` (a local path), signing in
    afterwards leads there."""
    token = sign({"user": user.pk, "email": user.email.lower()}, SALT)
    url = reverse("confirm_email", args=[token])
    return absolute(f"{url}?{urlencode({'next': next_url})}" if next_url else url)


def user_for_token(token):
    """The account whose current address the token confirms, or None."""
    payload = unsign(token, SALT)
    if not isinstance(payload, dict):
        return None
    user = get_user_model().objects.filter(pk=payload.get("user")).first()
    if user is None or user.email.lower() != payload.get("email"):
        return None
    return user


def is_pending_sign_up(user):
    """Made by sign-up and never confirmed nor used: confirming it activates it. An
    account an administrator deactivated has signed in before and stays inactive."""
    return not user.is_active and not user.email_confirmed and user.last_login is None


def confirm(user):
    user.is_active = user.is_active or is_pending_sign_up(user)
    user.email_confirmed = True
    user.save(update_fields=["email_confirmed", "is_active"])


def confirmation_email(user, next_url=""):
    with in_language(user):
        return build_email(
            user.email,
            _("Confirm your email address"),
            "home/email/confirm_email",
            {"recipient": user, "confirm_url": confirmation_url(user, next_url)},
        )


def send_confirmation(user, next_url=""):
    return send_all([confirmation_email(user, next_url)])


def existing_account_email(user):
    with in_language(user):
        return build_email(
            user.email,
            _("Someone tried to sign up with your email address"),
            "home/email/existing_account",
            {
                "recipient": user,
                "login_url": absolute(reverse("login")),
                "reset_url": absolute(reverse("password_reset")),
            },
        )


def account_for(email):
    return get_user_model().objects.filter(email__iexact=email).first()


def register(form, invitation=None, next_url=""):
    """Make the account of a valid sign-up form, or email the owner of its address.

    Returns the new account, or None when the address was already taken (also when
    another sign-up took it a moment ago: the database's unique constraint decides).
    With an `invitation`, whose token proved the address, the account is active,
    confirmed and enrolled in the same transaction. Raises UsernameTaken, and
    invitations.Refused when the invitation was used meanwhile (nothing is stored).
    The confirmation link leads on to `next_url` (see confirmation_url)."""
    email = form.cleaned_data["email"]
    existing = account_for(email)
    if existing is None:
        try:
            with transaction.atomic():
                user = form.save(commit=False)
                user.email = email
                user.is_active = user.email_confirmed = invitation is not None
                user.save()
                if invitation is not None:
                    accept(invitation, user)
        except IntegrityError as error:
            existing = account_for(email)
            if existing is None:
                raise UsernameTaken from error
        else:
            if invitation is None:
                send_confirmation(user, next_url)
            return user
    send_all([existing_account_email(existing)])
    return None
