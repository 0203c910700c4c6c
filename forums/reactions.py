"""Reactions on posts: adding and undoing one, and the per-post summary the topic page
shows (counts, who reacted, whether the reader pressed each), from one prefetch."""

from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from forums.choices import NotificationKind, ReactionKind
from forums.models import Reaction
from forums.notifications import notify
from forums.page_cache import changed_topic


def toggle(post, user, kind):
    """Add `user`'s reaction of `kind`, or take it back if it is there. Returns whether
    the reaction is now on. The author hears about a new reaction, once."""
    with transaction.atomic():
        removed, _by_model = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        changed_topic(post.topic_id)
        if removed:
            return False
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, user=user, kind=kind)
        except IntegrityError:  # the same press arrived twice at once: it is on
            return True
        notify(
            post.author,
            NotificationKind.REACTION,
            post.topic,
            post=post,
            actor=user,
            detail=kind,
            once=True,
        )
    return True


def prefetch():
    return Prefetch("reactions", queryset=Reaction.objects.select_related("user"))


def summarise(posts, user):
    """Set `post.reaction_summary`: one row per kind with its label, count, the names of
    who reacted and whether `user` did. Posts must come with `prefetch()`."""
    for post in posts:
        rows = []
        for kind in ReactionKind:
            reactions = [r for r in post.reactions.all() if r.kind == kind]
            rows.append(
                {
                    "kind": kind.value,
                    "label": kind.label,
                    "count": len(reactions),
                    "names": [r.user.get_full_name() for r in reactions],
                    "pressed": any(r.user_id == user.pk for r in reactions),
                }
            )
        post.reaction_summary = rows
