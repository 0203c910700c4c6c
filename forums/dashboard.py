from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string

from core.translations import in_reader_language
from forums.access import visible_forums
from forums.models import ForumTranslation, ReadState, Topic

TOPICS_SHOWN = 5


def unread_topics(user):
    """Visible topics with posts the user has not seen, annotated with `unread`."""
    read = ReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_position")
    return (
        Topic.objects.filter(forum__in=visible_forums(user), hidden=False)
        .annotate(unread=F("last_position") - Coalesce(Subquery(read[:1]), 0))
        .filter(unread__gt=0)
    )


def panel(request):
    """The dashboard's forum panel: unread posts in the forums the user can read."""
    topics = unread_topics(request.user)
    total = topics.aggregate(total=Sum("unread"))["total"] or 0
    latest = topics.select_related("forum").order_by("-last_post_at")[:TOPICS_SHOWN]
    latest = list(latest)
    in_reader_language([topic.forum for topic in latest], ForumTranslation.TEXTS)
    context = {"topics": latest, "unread_total": total}
    return render_to_string("forums/dashboard_panel.html", context, request=request)
