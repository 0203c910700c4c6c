"""Loading a forum or topic with its access checks, shared by every forum view.

Access is checked on the topic's own forum (never the slug in the URL), on every
request. A signed-out visitor is sent to sign in; a signed-in user who may not read a
page forum gets 404, so a course forum's existence stays private.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.translations import in_reader_language
from forums import access
from forums.models import Draft, Forum, ForumTranslation, ReadState, Subscription, Topic

# Largest POST a forum form can need: 20,000 characters of four-byte UTF-8,
# percent-encoded, plus the title. Anything bigger is refused before it is parsed
# into a form or rendered.
MAX_POST_BYTES = 256 * 1024


@dataclass
class Rights:
    """What the user may do in a forum they can read."""

    post: bool
    moderate: bool

    @classmethod
    def of(cls, user, forum):
        moderate = access.can_moderate(user, forum)
        return cls(post=moderate or access.can_post(user, forum), moderate=moderate)


class LoginNeeded(Exception):
    pass


def check_view(request, forum):
    if not access.can_view(request.user, forum):
        if not request.user.is_authenticated:
            raise LoginNeeded
        raise Http404


def error_page(request, message, status):
    return render(request, "forums/error.html", {"message": message}, status=status)


def forum_view(view):
    """Call `view(request, forum, rights, ...)` for a forum the user may read."""

    @wraps(view)
    def wrapper(request, forum_slug, *args, **kwargs):
        forum = get_object_or_404(Forum.objects.select_related("page"), slug=forum_slug)
        in_reader_language([forum], ForumTranslation.TEXTS)
        try:
            check_view(request, forum)
        except LoginNeeded:
            return redirect_to_login(request.get_full_path())
        return view(request, forum, Rights.of(request.user, forum), *args, **kwargs)

    return wrapper


def with_reader_state(topics, user):
    """The reader's own state in each topic, in the topic's query: `reader_position`
    (None when never read), `reader_follows` and `reader_draft` (their unsent reply)."""
    if not user.is_authenticated:
        return topics
    mine = {"user": user, "topic": OuterRef("pk")}
    return topics.annotate(
        reader_position=Subquery(ReadState.objects.filter(**mine).values("last_position")[:1]),
        reader_follows=Exists(Subscription.objects.filter(**mine)),
        reader_draft=Subquery(Draft.objects.filter(**mine).values("body")[:1]),
    )


def topic_view(view):
    """Call `view(request, topic, rights, ...)` for a topic the user may read. Hidden
    topics exist only for moderators. The slugs in the URL are only for readers; the
    topic page redirects to its canonical address when they are out of date."""

    @wraps(view)
    def wrapper(request, forum_slug, topic_id, topic_slug, *args, **kwargs):
        topics = Topic.objects.select_related("forum__page", "author", "answer__author", "poll")
        topic = get_object_or_404(with_reader_state(topics, request.user), pk=topic_id)
        in_reader_language([topic.forum], ForumTranslation.TEXTS)
        try:
            check_view(request, topic.forum)
        except LoginNeeded:
            return redirect_to_login(request.get_full_path())
        rights = Rights.of(request.user, topic.forum)
        if topic.hidden and not rights.moderate:
            raise Http404
        return view(request, topic, rights, *args, **kwargs)

    return wrapper


def refuse_large_posts(view):
    """413 for oversized POSTs, checked on Content-Length before anything else."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > MAX_POST_BYTES:
                return error_page(request, _("That message is too long to post."), 413)
        return view(request, *args, **kwargs)

    return wrapper


def see_other(to):
    """303 See Other after a POST that wrote something: the browser fetches the result
    with GET, so Back and reload never offer to send the form again."""
    response = redirect(to)
    response.status_code = 303
    return response


def require_post_rights(rights):
    if not rights.post:
        raise PermissionDenied(_("You may read this forum but not post in it."))


def require_moderator(rights):
    if not rights.moderate:
        raise PermissionDenied(_("Only the forum's moderators can do that."))
