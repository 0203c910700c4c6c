"""Unread posts, counted from when the reader joined: the later of their account's
creation and, in a page forum, their membership of the page, asked through a hook

    @hooks.register("forums_member_since")
    def since(user, pages): return {page id: datetime} or None

so a newcomer does not open the forums to "11 unread posts", the whole history. Posts
hidden or deleted are not counted: the reader would not find them.
"""

from django.db.models import Case, Count, DateTimeField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail import hooks

from forums.models import Post, ReadState


def member_since(user, forums):
    """{forum id: the moment unread counting starts} for the forums that differ from
    the account's creation."""
    pages = [forum.page for forum in forums if forum.page_id]
    joined = {}
    if pages:
        for fn in hooks.get_hooks("forums_member_since"):
            joined.update(fn(user, pages) or {})
    return {
        forum.pk: joined[forum.page_id]
        for forum in forums
        if forum.page_id in joined and joined[forum.page_id] > user.date_joined
    }


def with_unread(topics, user, forums):
    """`topics` annotated with `unread`: visible posts past the reader's read position,
    written since they joined (one correlated subquery, whatever the sizes)."""
    since = member_since(user, forums)
    start = Value(user.date_joined, output_field=DateTimeField())
    if since:
        whens = [When(forum_id=pk, then=Value(moment)) for pk, moment in since.items()]
        start = Case(*whens, default=start, output_field=DateTimeField())
    read = ReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_position")
    new_posts = (
        Post.objects.filter(
            topic=OuterRef("pk"),
            position__gt=OuterRef("read_to"),
            created__gte=OuterRef("counted_from"),
            hidden=False,
            deleted=False,
        )
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return topics.annotate(counted_from=start, read_to=Coalesce(Subquery(read[:1]), 0)).annotate(
        unread=Coalesce(Subquery(new_posts), 0)
    )
