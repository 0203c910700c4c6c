"""Announcement emails, sent by `send_reminders` (the reminders app's `send_reminders`
hook) once their page is published: each listed delivery once, in its language version
(the live translation in the reader's language, else the default-language page).

Exactly once: a run claims a batch of unsent deliveries (an update that only one run can
win), queues each in the outbox (which retries it, once per delivery key) and marks it
sent; a claim left by a run that died is taken up again after CLAIM_TIMEOUT.
Addresses that unsubscribed after being listed are skipped.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from announcements.models import AnnouncementPage, Delivery, OptOut
from announcements.subscriptions import unsubscribe_token
from core.mail import absolute, build_email, page_link, send_all, unsubscribe_headers

BATCH = 200
CLAIM_TIMEOUT = timedelta(hours=1)


def unsubscribe_url(email):
    return absolute(reverse("announcements_unsubscribe", args=[unsubscribe_token(email)]))


def announcement_email(delivery, version):
    with translation.override(delivery.language):
        url = unsubscribe_url(delivery.email)
        return build_email(
            delivery.email,
            version.title,
            "announcements/email/announcement",
            {"announcement": version, "link": page_link(version), "unsubscribe_url": url},
            headers=unsubscribe_headers(url),
        )


def language_versions(deliveries):
    """{(translation key, language): live page} of the batch's announcements, one query."""
    keys = {delivery.announcement.translation_key for delivery in deliveries}
    pages = AnnouncementPage.objects.live().filter(translation_key__in=keys)
    return {
        (page.translation_key, page.locale.language_code): page
        for page in pages.select_related("locale")
    }


def version_for(delivery, versions):
    key = delivery.announcement.translation_key
    return versions.get((key, delivery.language)) or versions.get(
        (key, settings.LANGUAGE_CODE), delivery.announcement
    )


def claim_batch(now, tried):
    """Unsent deliveries, claimed by this run; none it already tried."""
    token = uuid.uuid4().hex
    due = Delivery.objects.exclude(pk__in=tried).filter(
        Q(claim="") | Q(claimed_at__lt=now - CLAIM_TIMEOUT),
        sent_at=None,
        announcement__live=True,
    )
    ids = list(due.values_list("pk", flat=True)[:BATCH])
    due.filter(pk__in=ids).update(claim=token, claimed_at=now)
    return list(Delivery.objects.filter(claim=token).select_related("announcement"))


def queue_one(delivery, version, now, result):
    send_all([announcement_email(delivery, version)], key=f"announcements.delivery:{delivery.pk}")
    Delivery.objects.filter(pk=delivery.pk).update(sent_at=now)
    result.sent += 1


def send_announcements(now, result):
    tried = set()
    while deliveries := claim_batch(now, tried):
        tried.update(delivery.pk for delivery in deliveries)
        versions = language_versions(deliveries)
        addresses = [delivery.email for delivery in deliveries]
        opted_out = set(OptOut.objects.filter(email__in=addresses).values_list("email", flat=True))
        for delivery in deliveries:
            if delivery.email in opted_out:
                Delivery.objects.filter(pk=delivery.pk).delete()
                result.skipped += 1
                continue
            queue_one(delivery, version_for(delivery, versions), now, result)
