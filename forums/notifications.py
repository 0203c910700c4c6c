"""Notifications: made when something happens to a person's post or topic, and shown
only while that person may still read the topic.

Access is asked twice through forums.access (so through the forums_can_* hooks): when
a notification is made, and again each time one is listed or counted, because a person
who withdrew from a course, or a topic a moderator hid since, must drop out of sight.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from forums import access
from forums.choices import NotificationKind
from forums.emails import email_notification
from forums.models import DeliveryPreference, Forum, Notification, Subscription
from forums.notification_text import sentence_html


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
SHOWN_WITH = ("topic__forum__page", "post", "actor")


def readable(user):
    """`user`'s notifications about topics they may still read, as one queryset: a page
    of them, or their count, costs the same whatever their number. The forums are
    asked once each (access hooks), not once per notification."""
    mine = Notification.objects.filter(user=user)
    forum_ids = set(mine.order_by().values_list("topic__forum", flat=True).distinct())
    forums = access.visible_forums(user, Forum.objects.filter(pk__in=forum_ids))
    moderated = [forum.pk for forum in forums if access.can_moderate(user, forum)]
    hidden_from_them = Q(topic__hidden=True) & ~Q(topic__forum__in=moderated)
    return mine.filter(topic__forum__in=[forum.pk for forum in forums]).exclude(hidden_from_them)


def shown(notifications):
    """The notifications of one page, each with its sentence."""
    notifications = list(notifications.select_related(*SHOWN_WITH))
    for notification in notifications:
        notification.sentence = sentence_html(notification)
        if notification.post:
            notification.post.topic = notification.topic
    return notifications


def unread_count(user):
    """Unread notifications in forums `user` may read, counted per forum in one query
    (the header's count; hidden topics wait until a moderator shows them again)."""
    per_forum = dict(
        Notification.objects.filter(user=user, read_at=None, topic__hidden=False)
        .values_list("topic__forum")
        .annotate(count=Count("pk"))
        .order_by()
    )
    if not per_forum:
        return 0
    forums = access.visible_forums(user, Forum.objects.filter(pk__in=per_forum))
    return sum(per_forum[forum.pk] for forum in forums)


def mark_read(user, pk=None):
    rows = Notification.objects.filter(user=user, read_at=None)
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())
