"""Notifications: made when something happens to a person's post or topic, and shown
only while that person may still read the topic; or about a page of a higher app (see
forums/page_notifications.py).

Access is asked twice through forums.access (so through the forums_can_* hooks): when
a notification is made, and again each time one is listed or counted (the header's count
within VISIBLE_COUNT_SECONDS), because a person who withdrew from a course, or a topic a
moderator hid since, must drop out of sight.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from forums import access
from forums.choices import NotificationKind
from forums.emails import email_notification
from forums.models import DeliveryPreference, Forum, Notification, Subscription
from forums.notification_text import sentence_html
from forums.page_notifications import in_reader_language, visible_page_ids


def may_read(user, topic):
    if not user.is_active:
        return False
    if topic.hidden and not access.can_moderate(user, topic.forum):
        return False
    return access.can_view(user, topic.forum)


def notify(user, kind, topic, *, post=None, actor=None, detail="", reason="", once=False):
    """Leave `user` a notification unless they caused it or may not read the topic. With
    `once`, not again for the same fact (a reaction undone and pressed again)."""
    if user is None or (actor is not None and user.pk == actor.pk) or not may_read(user, topic):
        return None
    fields = {"user": user, "kind": kind, "topic": topic, "post": post, "actor": actor}
    if once and Notification.objects.filter(**fields, detail=detail).exists():
        return None
    notification = Notification.objects.create(**fields, detail=detail, reason=reason)
    if kind in DeliveryPreference.EMAIL_FIELDS:  # replies have their own emails
        # A row, so the daily digest finds those who leave a kind on "digest".
        DeliveryPreference.objects.get_or_create(user=user)
        transaction.on_commit(lambda: email_notification(notification))
    return notification


def notify_reply(post, skip=()):
    """Tell the people who follow the post's topic about a new reply, except those in
    `skip` (the people it mentions: their mention notification says it already)."""
    topic = post.topic
    followers = Subscription.objects.filter(topic=topic).exclude(user=post.author_id)
    followers = followers.exclude(user__in=skip)
    for subscription in followers.select_related("user"):
        notify(subscription.user, NotificationKind.REPLY, topic, post=post, actor=post.author)


# what showing a notification needs, in the same query
SHOWN_WITH = ("topic__forum__page", "post", "actor", "page")


def readable(user):
    """`user`'s notifications about topics and pages they may still read, as one
    queryset: a page of them, or their count, costs the same whatever their number. The
    forums and pages are asked once each (hooks), not once per notification."""
    mine = Notification.objects.filter(user=user)
    about = set(mine.order_by().values_list("topic__forum", "page").distinct())
    forum_ids = {forum_id for forum_id, _page_id in about} - {None}
    page_ids = {page_id for _forum_id, page_id in about} - {None}
    forums = access.visible_forums(user, Forum.objects.filter(pk__in=forum_ids))
    moderated = [forum.pk for forum in forums if access.can_moderate(user, forum)]
    shown_to_them = Q(topic__hidden=False) | Q(topic__forum__in=moderated)
    about_topics = Q(topic__forum__in=[forum.pk for forum in forums]) & shown_to_them
    return mine.filter(about_topics | Q(page__in=visible_page_ids(user, page_ids)))


def shown(notifications, request=None):
    """The notifications of one page, each with its sentence and link (a page in the
    reader's language)."""
    notifications = list(notifications.select_related(*SHOWN_WITH))
    versions = in_reader_language([note.page for note in notifications if note.page_id])
    for notification in notifications:
        if notification.page_id:
            notification.page = versions[notification.page_id]
            notification.link = notification.page.get_url(request)
        elif notification.post:
            notification.post.topic = notification.topic
            notification.link = notification.post.get_absolute_url()
        else:
            notification.link = notification.topic.get_absolute_url()
        notification.sentence = sentence_html(notification)
    return notifications


# How long the header's count may lag a change of what a reader may see (a hidden topic,
# a withdrawal from a course); new and read notifications show at once.
VISIBLE_COUNT_SECONDS = 60


def unread_count(user, fresh=False):
    """Unread notifications in forums `user` may read, counted per forum in one query
    (the header's count; hidden topics wait until a moderator shows them again), and
    about pages they may still see, counted per page. Which of them `user` may see is
    remembered for those exact counts, so most pages pay the one query; `fresh` (the
    notification centre) asks again."""
    rows = sorted(
        Notification.objects.filter(user=user, read_at=None)
        .filter(Q(topic__hidden=False) | Q(page__isnull=False))
        .values_list("topic__forum", "page")
        .annotate(count=Count("pk"))
        .order_by(),
        key=repr,
    )
    if not rows:
        return 0
    key = f"unread-count:{user.pk}:{hashlib.sha256(repr(rows).encode()).hexdigest()}"
    count = None if fresh else cache.get(key)
    if count is None:
        count = visible_count(user, rows)
        cache.set(key, count, VISIBLE_COUNT_SECONDS)
    return count


def visible_count(user, rows):
    per_forum, per_page = {}, {}
    for forum_id, page_id, count in rows:
        if page_id is None:
            per_forum[forum_id] = count
        else:
            per_page[page_id] = count
    count = sum(per_page[pk] for pk in visible_page_ids(user, set(per_page)))
    if per_forum:
        forums = access.visible_forums(user, Forum.objects.filter(pk__in=per_forum))
        count += sum(per_forum[forum.pk] for forum in forums)
    return count


def mark_read(user, pk=None):
    rows = Notification.objects.filter(user=user, read_at=None)
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())
