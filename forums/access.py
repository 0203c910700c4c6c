"""Who may view, post in and moderate a forum.

Public forums: anyone reads, signed-in active users post. Members forums: signed-in
active users read and post. Page forums (a course's, for example) ask the app that owns
the page, through three Wagtail hooks, never by importing it:

    @hooks.register("forums_can_view")      # may this user read the page's forum?
    @hooks.register("forums_can_post")      # ... start topics and reply in it?
    @hooks.register("forums_can_moderate")  # ... pin, lock, hide, move and restore?
    def rule(user, page): return True | False | None

Each function gets the user (possibly anonymous) and the forum's wagtailcore Page (not
`.specific`), and answers True (allow), False (deny) or None (not mine to say). A False
from any function wins, then a True; with no answer the forum is closed. Posting also
needs the view answer, and a moderator may view and post. Superusers and holders of the
`forums.moderate_forum` permission (the Editors group) may do everything everywhere.
Hooks are called once per forum and request, so keep them cheap (cache on the user).
"""

from django.conf import settings
from django.utils import translation
from wagtail import hooks

from core.caching import remembered
from core.translations import reader_rows
from forums.choices import Scope
from forums.models import Forum
from forums.page_cache import FORUMS


def is_global_moderator(user):
    return user.is_active and (user.is_superuser or user.has_perm("forums.moderate_forum"))


def ask_hooks(hook_name, user, page):
    answers = [fn(user, page) for fn in hooks.get_hooks(hook_name)]
    if any(answer is False for answer in answers):
        return False
    return any(answer is True for answer in answers)


def _signed_in(user):
    return user.is_authenticated and user.is_active


def can_moderate(user, forum):
    if not _signed_in(user):
        return False
    if is_global_moderator(user):
        return True
    return (
        forum.scope == Scope.PAGE
        and bool(forum.page_id)
        and (ask_hooks("forums_can_moderate", user, forum.page))
    )


def can_view(user, forum):
    if forum.scope == Scope.PUBLIC:
        return True
    if not _signed_in(user):
        return False
    if forum.scope == Scope.MEMBERS or can_moderate(user, forum):
        return True
    return bool(forum.page_id) and ask_hooks("forums_can_view", user, forum.page)


def can_post(user, forum):
    if not _signed_in(user):
        return False
    if forum.scope != Scope.PAGE or can_moderate(user, forum):
        return True
    return (
        bool(forum.page_id)
        and ask_hooks("forums_can_view", user, forum.page)
        and ask_hooks("forums_can_post", user, forum.page)
    )


def every_forum():
    """Every forum with its page, in list order, with its rows in the reader's language:
    what every reader shares, remembered until a forum or its translation changes
    (page_cache.FORUMS) or something is published."""
    language = translation.get_language()

    def build():
        forums = list(Forum.objects.select_related("page"))
        if forums and language != settings.LANGUAGE_CODE:
            reader_rows(forums, language)
        return forums

    return remembered(f"forums:{language}", build, scopes=[FORUMS])


def visible_forums(user, forums=None):
    """The forums `user` may read, in list order (every forum remembered, or one query
    of `forums`, plus the page hooks)."""
    forums = every_forum() if forums is None else forums.select_related("page")
    return [forum for forum in forums if can_view(user, forum)]


def moderated_forums(user):
    return [forum for forum in Forum.objects.select_related("page") if can_moderate(user, forum)]
