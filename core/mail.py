"""Emails every app sends: plain text plus HTML, absolute links, in the reader's
language, signed links that need no sign-in, and sending through the outbox
(core/outbox.py): after commit, as a task, retried, once per key, so a mail outage
never undoes the work that caused it.

Render inside `in_language(user)` so that subject, body and links are in the
recipient's language (links get its URL prefix).
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.outbox import queue_email


def absolute(path):
    """`path` on the public site (BASE_URL), for links that leave the site in emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_link(page):
    parts = page.get_url_parts()
    return absolute(parts[2] if parts else "/")


def in_language(user):
    """Render a user's email in their preferred language."""
    return translation.override(getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE)


def sign(payload, salt):
    """A token for a link in an email: `payload`, signed, with no expiry (old emails
    keep working, signed out)."""
    return signing.dumps(payload, salt=salt)


def unsign(token, salt):
    """The payload of a valid token, or None."""
    try:
        return signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None


def unsubscribe_headers(url):
    """RFC 8058 one-click unsubscribe: mail clients POST to `url` themselves."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_email(to, subject, template, context, headers=None):
    """`template` names a pair: `<template>.txt` and `<template>.html`."""
    context = {**context, "subject": subject}
    message = EmailMultiAlternatives(
        subject=" ".join(str(subject).split()),
        body=render_to_string(f"{template}.txt", context),
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def send_all(messages, key=None):
    """Queue each message in the outbox. `key` names the item the emails are about
    ("reminders.delivery:12"); each recipient's email then has its own key, and is
    sent once however often it is queued. Without one, each call is a new email."""
    for message in messages:
        queue_email(message, key and f"{key}:to:{','.join(message.to)}")
