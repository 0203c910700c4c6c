from django.db.models import Sum
from django.template.loader import render_to_string

from core.translations import in_reader_language
from forums.access import visible_forums
from forums.models import ForumTranslation, Topic
from forums.reports import open_report_count
from forums.unread import with_unread

TOPICS_SHOWN = 5


def unread_topics(user):
    """Visible topics with posts the user has not seen since joining, with `unread`."""
    forums = visible_forums(user)
    topics = Topic.objects.filter(forum__in=forums, hidden=False)
    return with_unread(topics, user, forums).filter(unread__gt=0)


def panel(request):
    """The dashboard's forum panel: unread posts in the forums the user can read."""
    topics = unread_topics(request.user)
    total = topics.aggregate(total=Sum("unread"))["total"] or 0
    latest = topics.select_related("forum").order_by("-last_post_at")[:TOPICS_SHOWN]
    latest = list(latest)
    in_reader_language([topic.forum for topic in latest], ForumTranslation.TEXTS)
    context = {
        "topics": latest,
        "unread_total": total,
        "open_reports": open_report_count(request.user),
    }
    return render_to_string("forums/dashboard_panel.html", context, request=request)
