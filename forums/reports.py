"""Open reports, counted and flagged for the people who moderate the forums."""

from django.db.models import Exists, OuterRef

from forums import access
from forums.choices import ReportStatus
from forums.models import Report


def open_reports(forums):
    return Report.objects.filter(post__topic__forum__in=forums, status=ReportStatus.OPEN)


def open_report_count(user, visible=None):
    """Open reports in the forums `user` moderates (the dashboard's count). `visible`: the
    forums the user can read, when the caller has them (a moderator reads what they
    moderate), to look among them rather than query every forum again."""
    if visible is None:
        forums = access.moderated_forums(user)
    else:
        forums = [forum for forum in visible if access.can_moderate(user, forum)]
    return open_reports(forums).count() if forums else 0


def with_report_flags(topics):
    """Topics annotated with `reported` (an open report on one of their posts), for the
    moderators' flag in the list."""
    reported = Report.objects.filter(post__topic=OuterRef("pk"), status=ReportStatus.OPEN)
    return topics.annotate(reported=Exists(reported))
