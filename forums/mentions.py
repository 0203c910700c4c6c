"""@username mentions in posts.

A mention names an active account by its username (any case). A name that is no one's
is refused with the form (400, nothing saved), so a typo never passes for a
notification sent. Someone who may not read the forum is never notified: the mention
stays plain text and no notification, page or email tells them about the topic. The
others' mentions become links to their posts (`forums:person`), written into the
post's stored HTML once, like the rest of its rendering.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from forums.choices import NotificationKind
from forums.models import Post
from forums.notifications import may_read, notify
from forums.page_cache import changed_topic

# After a space, a line start or punctuation (not inside an email address); a trailing
# full stop or comma ends the sentence, not the name.
MENTION = re.compile(r"(?<![\w@])@([\w.+-]*[\w+-])")
MAX_MENTIONS = 20  # a post that names more is a broadcast, not a mention
TAG = re.compile(r"(<[^>]*>)")
NO_LINKS_INSIDE = {"a", "code", "pre"}  # a mention there stays as written


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
    link_in_post(post, [user for user in users if user not in unreachable])
    return unreachable


def person_url(username):
    # Stored in the post, so in the unprefixed (default-language) form every reader shares.
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("forums:person", args=[username])


def link_mentions(html, users):
    """`html` with each @username of `users` outside links and code made a link."""
    by_name = {user.username.lower(): user for user in users}

    def anchor(match):
        user = by_name.get(match.group(1).lower())
        if user is None:
            return match.group(0)
        return format_html(
            '<a class="mention" href="{}">@{}</a>', person_url(user.username), match.group(1)
        )

    parts, inside = [], 0
    for part in TAG.split(html):
        tag = re.match(r"<(/?)(\w+)", part)
        if tag and tag.group(2).lower() in NO_LINKS_INSIDE:
            inside = max(0, inside + (-1 if tag.group(1) else 1))
        parts.append(part if tag or part.startswith("<") or inside else MENTION.sub(anchor, part))
    return "".join(parts)


def link_in_post(post, users):
    html = link_mentions(post.body_html, users) if users else post.body_html
    if html != post.body_html:
        post.body_html = html
        Post.objects.filter(pk=post.pk).update(body_html=html)
        changed_topic(post.topic_id)


def suggestions(forum, topic=None, limit=30):
    """People to mention: who wrote in the topic, or lately in the forum (one query)."""
    posts = topic.posts.all() if topic else Post.objects.filter(topic__forum=forum)
    author_ids = posts.filter(hidden=False, deleted=False).values("author")
    people = get_user_model().objects.filter(pk__in=author_ids, is_active=True)
    return list(people.order_by("display_name", "username")[:limit])


def people_on_page(posts, limit=30):
    """People to mention on a topic page: the active authors of its shown posts, from
    the posts already loaded (no query)."""
    authors = {
        post.author.pk: post.author for post in posts if post.author and post.author.is_active
    }
    people = sorted(authors.values(), key=lambda user: (user.display_name, user.username))
    return people[:limit]
