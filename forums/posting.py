"""Every change to topics and posts, each in one transaction.

A topic's counters (post_count, last_post_at, last_poster, last_position) change only
here, with the topic row locked (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
project's BEGIN IMMEDIATE transactions serialise writers), so they always equal the real
counts and two identical replies sent at the same moment make one post.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from forums.choices import NotificationKind
from forums.models import Forum, Post, Subscription, Topic
from forums.notifications import notify
from forums.page_cache import changed_topic
from forums.rendering import body_hash, render_markdown


def duplicate_window():
    return timedelta(seconds=settings.FORUMS_DUPLICATE_SECONDS)


def _lock(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _add_post(topic, author, body, now):
    """Append a post to a locked topic, or return the author's identical recent post."""
    digest = body_hash(body)
    duplicate = topic.posts.filter(
        author=author, body_hash=digest, created__gte=now - duplicate_window()
    ).first()
    if duplicate:
        return duplicate, False
    topic.last_position += 1
    post = Post.objects.create(
        topic=topic,
        author=author,
        position=topic.last_position,
        body=body,
        body_html=render_markdown(body),
        body_hash=digest,
        created=now,
    )
    topic.post_count += 1
    topic.last_post_at = now
    topic.last_poster = author
    topic.save(update_fields=["last_position", "post_count", "last_post_at", "last_poster"])
    return post, True


def start_topic(forum, author, title, body, now=None, *, is_question=False):
    """A new topic with its first post; the author is subscribed to it. Returns the
    topic and whether it is new (False: the same title was just sent twice)."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(Forum, forum.pk)  # serialise topic creation in this forum
        duplicate = Topic.objects.filter(
            forum=forum, author=author, title=title, created__gte=now - duplicate_window()
        ).first()
        if duplicate:
            return duplicate, False
        topic = Topic.objects.create(
            forum=forum, author=author, title=title, created=now, is_question=is_question
        )
        _add_post(topic, author, body, now)
        Subscription.objects.get_or_create(user=author, topic=topic)
    return topic, True


class TopicLocked(Exception):
    pass


def reply(topic, author, body, *, may_post_when_locked=False, now=None):
    """Returns (post, created). Raises TopicLocked if a moderator locked the topic in
    the meantime and the author may not post in locked topics."""
    now = now or timezone.now()
    with transaction.atomic():
        topic = _lock(Topic, topic.pk)
        if topic.locked and not may_post_when_locked:
            raise TopicLocked
        return _add_post(topic, author, body, now)


def edit_post(post, body, now=None):
    post.body = body
    post.body_html = render_markdown(body)
    post.body_hash = body_hash(body)
    post.edited_at = now or timezone.now()
    post.edit_count += 1
    post.save(update_fields=["body", "body_html", "body_hash", "edited_at", "edit_count"])


def recount(topic):
    """Recompute a locked topic's counters from its posts."""
    visible = topic.posts.filter(hidden=False, deleted=False)
    last = visible.order_by("-position").only("created", "author").first()
    topic.post_count = visible.count()
    topic.last_post_at = last.created if last else topic.created
    topic.last_poster_id = last.author_id if last else None
    topic.save(update_fields=["post_count", "last_post_at", "last_poster"])


def set_post_flags(post, **flags):
    """Hide/unhide (moderator) or delete/restore (author, moderator) a post, keeping
    its topic's counters right."""
    with transaction.atomic():
        topic = _lock(Topic, post.topic_id)
        Post.objects.filter(pk=post.pk).update(**flags)
        for name, value in flags.items():
            setattr(post, name, value)
        recount(topic)


def moderate_post(post, decision, *, by, reason="", **flags):
    """A moderator's decision on a post (hide, unhide, restore); its author is told,
    with the reason given for hiding. A post shown again keeps no reason."""
    if "hidden" in flags:
        flags["hidden_reason"] = reason if flags["hidden"] else ""
    with transaction.atomic():
        set_post_flags(post, **flags)
        notify(
            post.author,
            NotificationKind.MODERATION,
            post.topic,
            post=post,
            actor=by,
            detail=decision,
            reason=reason,
        )


def set_topic_flags(topic, **flags):
    """Pin, lock or hide a topic: single-row updates of named fields only."""
    Topic.objects.filter(pk=topic.pk).update(**flags)
    changed_topic(topic.pk)
    for name, value in flags.items():
        setattr(topic, name, value)


def set_question(topic, is_question):
    """Mark a topic as a question or not; a topic that is no question has no answer."""
    flags = {"is_question": is_question} if is_question else {"is_question": False, "answer": None}
    set_topic_flags(topic, **flags)


def accept_answer(topic, post, *, by):
    """Make `post` (a reply) the question's answer, or with None clear it. The reply's
    author is told, once per acceptance."""
    with transaction.atomic():
        set_topic_flags(topic, answer=post)
        if post is not None:
            notify(post.author, NotificationKind.ANSWER, topic, post=post, actor=by)


def move_topic(topic, forum):
    with transaction.atomic():
        locked = _lock(Topic, topic.pk)
        locked.forum = forum
        locked.save(update_fields=["forum"])
    topic.forum = forum
