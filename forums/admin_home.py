"""The "Reported posts" panel of the editor's admin home: the open reports in the forums
this person moderates, oldest first, each linked to its page in the queue."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.admin_panels import ListPanel
from forums import access
from forums.reports import open_reports

PANEL_ROWS = 5


def open_reports_panel(request, panels):
    forums = access.moderated_forums(request.user)
    reports = open_reports(forums).select_related("post__topic") if forums else None
    count = reports.count() if reports is not None else 0
    if not count:
        return
    rows = [
        (
            f"{report.post.topic.title} · {Truncator(report.reason).chars(60)}",
            reverse("wagtailsnippets_forums_report:inspect", args=[report.pk]),
        )
        for report in reports.order_by("created")[:PANEL_ROWS]
    ]
    summary = ngettext(
        "%(count)s reported post waits for a moderator.",
        "%(count)s reported posts wait for a moderator.",
        count,
    ) % {"count": count}
    more = reverse("wagtailsnippets_forums_report:list")
    panels.append(ListPanel("open-reports", _("Reported posts"), summary, rows, more, 65))
