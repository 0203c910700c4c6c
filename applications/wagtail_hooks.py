"""Wagtail hooks of applications: the review admin, the dashboard panel, the demo."""

from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from applications import review as applications
from applications.admin_views import ApplicationViewSet, ReviewerPolicy
from applications.choices import ApplicationStatus
from applications.models import Application, ApplicationStatusChange
from core.admin_panels import ListPanel
from courses import access
from courses.choices import EnrolmentMode
from courses.models import CoursePage

register_permission_policy(Application, ReviewerPolicy(Application))
PANEL_ROWS = 5


@hooks.register("register_admin_viewset")
def register_applications_admin():
    return ApplicationViewSet()


@hooks.register("construct_homepage_panels")
def pending_applications_panel(request, panels):
    """The applications waiting for a decision in the courses this person reviews."""
    pending = Application.objects.filter(
        status=ApplicationStatus.SUBMITTED, course__in=access.facilitated_courses(request.user)
    ).select_related("course")
    count = pending.count()
    if not count:
        return
    rows = [
        (
            f"{application.organisation} · {application.course.title}",
            reverse("application:inspect", args=[application.pk]),
        )
        for application in pending.order_by("submitted_at")[:PANEL_ROWS]
    ]
    summary = ngettext(
        "%(count)s application waits for a decision.",
        "%(count)s applications wait for a decision.",
        count,
    ) % {"count": count}
    more = reverse("application:index") + f"?status={ApplicationStatus.SUBMITTED}"
    panels.append(
        ListPanel("pending-applications", _("Applications to review"), summary, rows, more, 60)
    )


@hooks.register("dashboard_panels")
def dashboard_applications(request):
    """The signed-in user's applications, with what they can still do with each and the
    message of the latest decision: one query."""
    latest = ApplicationStatusChange.objects.filter(application=OuterRef("pk"))
    latest = latest.order_by("-changed_at", "-pk").values("message")[:1]
    mine = (
        Application.objects.filter(applicant=request.user)
        .select_related("course")
        .annotate(decision_message=Subquery(latest))
    )
    rows = [
        (application, applications.can_edit(application), applications.can_withdraw(application))
        for application in mine
    ]
    if not rows:
        return None
    return render_to_string("applications/dashboard_panel.html", {"rows": rows}, request=request)


@hooks.register("load_demo_content", order=50)
def load_applications_demo(scale, stdout):
    from applications import demo

    demo.load(scale, stdout)


@hooks.register("page_sections")
def apply_section(page, request):
    """On a course page “by application”: how to apply, or where one's application is."""
    if not isinstance(page, CoursePage) or page.enrolment_mode != EnrolmentMode.APPLICATION:
        return None
    return render_to_string("applications/course_apply.html", {"page": page}, request=request)
