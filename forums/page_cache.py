"""The forums' part in the anonymous page cache: which pages a signed-out visitor may
get from it, and which changes make them stale.

Only pages of public forums are offered, and only to visitors who are signed out, so a
members or course forum is never stored (the middleware never serves a copy to a
request with a session either). Each page names the scopes of data it shows, through
core.caching, before it reads any of it:

- FORUMS: every forum's settings, names and visibility (all forum pages);
- ACTIVITY: topics and posts anywhere (the forum list's counts, a forum's topic list);
- TOPIC (topic_scope(id)): one topic and its posts, reactions and poll (that topic's pages).

A change bumps what it touches, and only that: a reply makes its topic's pages, the
forum pages and the list stale, while other topics and every Wagtail page stay cached.
Saves and deletions of forums, their translations and topics, and saves of posts,
arrive as signals (also from the admin); the writes that bypass signals (single-row
updates, bulk inserts) call changed_topic themselves. Posts are only ever deleted with
their topic, so no post_delete receiver makes deleting a 10,000-post topic load each post.
"""

from functools import wraps

from django.db.models.signals import post_delete, post_save

from core.caching import bump_scope, declare_cache_query, depends_on_scopes, mark_cacheable
from forums.choices import Scope
from forums.models import Forum, ForumTranslation, Post, Topic

FORUMS = "forums"
ACTIVITY = "forums:activity"
TOPIC = "forums:topic:{topic_id}"


def topic_scope(topic_id):
    return TOPIC.format(topic_id=topic_id)


def shows(*scopes):
    """Decorator for a reading view: name the scopes it shows (formatted with the URL's
    arguments, as TOPIC) before the view reads anything."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "GET" and not request.user.is_authenticated:
                depends_on_scopes(request, *(scope.format(**kwargs) for scope in scopes))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def offer(request, query, *, forum=None, timeout=None):
    """Let the page cache keep this response when it is shown to a signed-out visitor
    and, for a forum's own page, the forum is public; `query` is the query string the
    view used, in canonical form. That query is declared for every reader: a signed-in
    reader's own copy of a topic's later page is kept by the same rule."""
    declare_cache_query(request, query)
    if request.user.is_authenticated or (forum is not None and forum.scope != Scope.PUBLIC):
        return
    mark_cacheable(request, timeout)


def changed_topic(topic_id):
    bump_scope(ACTIVITY, topic_scope(topic_id))


def changed_forums():
    bump_scope(FORUMS, ACTIVITY)


def _on_forum(**kwargs):
    changed_forums()


def _on_topic(instance, **kwargs):
    changed_topic(instance.pk)


def _on_post(instance, **kwargs):
    changed_topic(instance.topic_id)


def connect_signals():
    receivers = [
        (post_save, Forum, _on_forum),
        (post_delete, Forum, _on_forum),
        (post_save, ForumTranslation, _on_forum),
        (post_delete, ForumTranslation, _on_forum),
        (post_save, Topic, _on_topic),
        (post_delete, Topic, _on_topic),
        (post_save, Post, _on_post),
    ]
    for signal, sender, receiver in receivers:
        signal.connect(
            receiver, sender=sender, dispatch_uid=f"forums-page-cache-{id(signal)}-{sender}"
        )
