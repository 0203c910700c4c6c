"""@username mentions in posts.

A mention names an active account by its username (any case). A name that is no one's
is refused with the form (400, nothing saved), so a typo never passes for a
notification sent. Someone who may not read the forum is never notified: the mention
stays plain text and no notification, page or email tells them about the topic.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

from forums.choices import NotificationKind
from forums.models import Post
from forums.notifications import may_read, notify

# After a space, a line start or punctuation (not inside an email address); a trailing
# full stop or comma ends the sentence, not the name.
MENTION = re.compile(r"(?<![\w@])@([\w.+-]*[\w+-])")
MAX_MENTIONS = 20  # a post that names more is a broadcast, not a mention


def names(body):
    return list(dict.fromkeys(name.lower() for name in MENTION.findall(body)))


def resolve(body):
    """(the active users the body mentions, the names that are no one's)."""
    wanted = names(body)
    if not wanted:
        return [], []
    users = list(
        get_user_model()
        .objects.annotate(lower_username=Lower("username"))
        .filter(lower_username__in=wanted, is_active=True)
    )
    found = {user.lower_username for user in users}
    return users, [name for name in wanted if name not in found]


def notify_mentioned(post, users):
    """Notify each mentioned person who may read the topic (once per post). Returns the
    people who were not notified because they may not read it."""
    unreachable = []
    for user in users:
        if user.pk == post.author_id:
            continue
        if not may_read(user, post.topic):
            unreachable.append(user)
            continue
        kind = NotificationKind.MENTION
        notify(user, kind, post.topic, post=post, actor=post.author, once=True)
    return unreachable


def suggestions(forum, topic=None, limit=30):
    """People to mention: who wrote in the topic, or lately in the forum (one query)."""
    posts = topic.posts.all() if topic else Post.objects.filter(topic__forum=forum)
    author_ids = posts.filter(hidden=False, deleted=False).values("author")
    people = get_user_model().objects.filter(pk__in=author_ids, is_active=True)
    return list(people.order_by("display_name", "username")[:limit])
