"""Emails of the applications and reminders features: plain text plus HTML, absolute
links, sent so that one failure is logged rather than undoing the work that caused it.

Render inside `translation.override(language)` so that subject, body and links are in
the recipient's language.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def absolute(path):
    """`path` on the public site (BASE_URL), for links that leave the site in emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_link(page):
    parts = page.get_url_parts()
    return absolute(parts[2] if parts else "/")


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


def send_all(messages):
    """Send, or log why not; True when every message went out."""
    if not messages:
        return True
    try:
        get_connection().send_messages(messages)
    except Exception:  # the decision is saved; a mail outage must not undo it
        logger.exception("Could not send %d email(s)", len(messages))
        return False
    return True
