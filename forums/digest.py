"""The daily digest: one email per digest subscriber with the new visible posts in the
topics and forums they follow since their last digest.

Bookkeeping (last_digest_at and a DigestDelivery row) is written in one transaction
right after a successful send, so a second run sends nothing twice; when the email
backend raises, nothing is recorded and the next run tries again.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from forums.access import can_view
from forums.choices import Delivery
from forums.emails import absolute, build_email, in_language, unsubscribe_url
from forums.models import DeliveryPreference, DigestDelivery, Post, Subscription

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


def send_digest(preference, until):
    user = preference.user
    posts = digest_posts(user, preference.last_digest_at, until)
    if not posts:
        return False
    with in_language(user):
        context = {
            "posts": [(post, absolute(post.get_absolute_url())) for post in posts],
            "preferences_url": absolute(reverse("forums:preferences")),
        }
        subject = ngettext(
            "Forum digest: %(count)d new post", "Forum digest: %(count)d new posts", len(posts)
        ) % {"count": len(posts)}
        message = build_email(user, subject, "digest", context, unsubscribe_url(user))
    message.send()
    with transaction.atomic():
        DigestDelivery.objects.create(
            user=user, since=preference.last_digest_at, until=until, post_count=len(posts)
        )
        DeliveryPreference.objects.filter(pk=preference.pk).update(last_digest_at=until)
    return True


def send_digests(now=None):
    until = now or timezone.now()
    run = DigestRun()
    preferences = DeliveryPreference.objects.filter(
        delivery=Delivery.DIGEST, user__is_active=True
    ).exclude(user__email="")
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
