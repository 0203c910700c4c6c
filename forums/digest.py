"""The daily digest: one email per digest subscriber with the new visible posts in the
topics and forums they follow since their last digest.

The bookkeeping (last_digest_at and a DigestDelivery row) and the queued email are one
transaction, so a second run finds nothing new; the outbox (core/outbox.py) sends the
email after commit, retries it, and sends it once per person and period.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from core.mail import send_all
from forums.access import can_view
from forums.choices import Delivery
from forums.emails import absolute, build_email, in_language, notification_url, unsubscribe_url
from forums.models import DeliveryPreference, DigestDelivery, Post, Subscription
from forums.notification_text import sentence
from forums.notifications import SHOWN_WITH, readable

logger = logging.getLogger(__name__)
MAX_POSTS = 200  # a digest is a summary; the forum has the rest


@dataclass
class DigestRun:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)


def digest_posts(user, since, until):
    follows = Subscription.objects.filter(user=user)
    topic_ids = follows.exclude(topic=None).values("topic_id")
    forum_ids = follows.exclude(forum=None).values("forum_id")
    posts = (
        Post.objects.filter(Q(topic__in=topic_ids) | Q(topic__forum__in=forum_ids))
        .filter(created__gt=since, created__lte=until, hidden=False, deleted=False)
        .filter(topic__hidden=False)
        .exclude(author=user)
        .select_related("author", "topic__forum__page")
        .order_by("topic__forum__position", "topic_id", "position")
    )
    allowed = {}
    kept = []
    for post in posts[:MAX_POSTS]:
        forum = post.topic.forum
        if forum.pk not in allowed:
            allowed[forum.pk] = can_view(user, forum)
        if allowed[forum.pk]:
            kept.append(post)
    return kept


def digest_notifications(preference, since, until):
    """The notifications of the kinds this reader wants in the digest, still readable."""
    kinds = [kind for kind in preference.EMAIL_FIELDS if preference.timing(kind) == Delivery.DIGEST]
    if not kinds:
        return []
    rows = readable(preference.user).filter(kind__in=kinds, created__gt=since, created__lte=until)
    return list(rows.select_related(*SHOWN_WITH).order_by("-created", "-pk")[:MAX_POSTS])


def send_digest(preference, until):
    user = preference.user
    since = preference.last_digest_at
    posts = digest_posts(user, since, until) if preference.delivery == Delivery.DIGEST else []
    notes = digest_notifications(preference, since, until)
    if not posts and not notes:
        return False
    with in_language(user):
        context = {
            "posts": [(post, absolute(post.get_absolute_url())) for post in posts],
            "notifications": [(sentence(note), notification_url(note)) for note in notes],
            "preferences_url": absolute(reverse("forums:preferences")),
        }
        subject = ngettext(
            "Forum digest: %(count)d new post", "Forum digest: %(count)d new posts", len(posts)
        ) % {"count": len(posts)}
        if not posts:
            subject = ngettext(
                "Forum digest: %(count)d notification",
                "Forum digest: %(count)d notifications",
                len(notes),
            ) % {"count": len(notes)}
        message = build_email(user, subject, "digest", context, unsubscribe_url(user))
    with transaction.atomic():
        DigestDelivery.objects.create(
            user=user, since=preference.last_digest_at, until=until, post_count=len(posts)
        )
        DeliveryPreference.objects.filter(pk=preference.pk).update(last_digest_at=until)
        send_all([message], key=f"forums.digest:{user.pk}:{until.isoformat()}")
    return True


def send_digests(now=None):
    until = now or timezone.now()
    run = DigestRun()
    wants_digest = Q(delivery=Delivery.DIGEST)
    for name in DeliveryPreference.EMAIL_FIELDS.values():
        wants_digest |= Q(**{name: Delivery.DIGEST})
    preferences = (DeliveryPreference.objects.filter(wants_digest, user__is_active=True)).exclude(
        user__email=""
    )
    for preference in preferences.select_related("user").order_by("user_id"):
        try:
            sent = send_digest(preference, until)
        except Exception as error:  # one bad address or outage must not stop the others
            logger.exception("Forum digest to user %s failed", preference.user_id)
            run.failed += 1
            run.errors.append(f"{preference.user}: {error}")
            continue
        if sent:
            run.sent += 1
        else:
            run.skipped += 1
    return run
