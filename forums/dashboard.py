from django.db.models import Sum, Window
from django.template.loader import render_to_string

from core.translations import in_reader_language
from forums.access import visible_forums
from forums.models import ForumTranslation, Topic
from forums.reports import open_report_count
from forums.unread import with_unread

TOPICS_SHOWN = 5


def unread_topics(user, forums):
    """Topics of `forums` (those the user can read) with posts the user has not seen since
    joining, with `unread`."""
    topics = Topic.objects.filter(forum__in=forums, hidden=False)
    return with_unread(topics, user, forums).filter(unread__gt=0)


def panel(request):
    """The dashboard's forum panel: unread posts in the forums the user can read."""
    forums = visible_forums(request.user)
    topics = unread_topics(request.user, forums)
    # The total over every unread topic comes with the few shown, in the same query.
    topics = topics.annotate(unread_total=Window(Sum("unread")))
    latest = list(topics.order_by("-last_post_at")[:TOPICS_SHOWN])
    by_pk = {forum.pk: forum for forum in forums}
    for topic in latest:
        topic.forum = by_pk[topic.forum_id]  # remembered with its translations
    in_reader_language([topic.forum for topic in latest], ForumTranslation.TEXTS)
    context = {
        "topics": latest,
        "unread_total": latest[0].unread_total if latest else 0,
        "open_reports": open_report_count(request.user, forums),
    }
    return render_to_string("forums/dashboard_panel.html", context, request=request)
