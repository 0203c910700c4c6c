"""A forum's open reports, for its moderators: the facilitators of a course see their
own course forum's here, without the Wagtail admin (whose queue is for editors)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.choices import ReportStatus
from forums.reports import open_reports
from forums.views.common import forum_view, require_moderator, see_other


@login_required
@forum_view
def forum_reports(request, forum, rights):
    require_moderator(rights)
    reports = open_reports([forum]).select_related("post__author", "post__topic", "reporter")
    reports = list(reports.order_by("-created"))
    for report in reports:
        report.post.topic.forum = forum
    return render(request, "forums/forum_reports.html", {"forum": forum, "reports": reports})


@require_POST
@login_required
@forum_view
def dismiss_report(request, forum, rights, report_id):
    """Dismiss the open reports on the post: its moderators looked and kept it."""
    require_moderator(rights)
    report = get_object_or_404(open_reports([forum]), pk=report_id)
    open_reports([forum]).filter(post=report.post_id).update(
        status=ReportStatus.DISMISSED, resolved_by=request.user, resolved_at=timezone.now()
    )
    messages.success(request, _("Report dismissed; the post stays."))
    return see_other(reverse("forums:forum_reports", args=[forum.slug]))
