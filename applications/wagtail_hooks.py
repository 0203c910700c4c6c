"""Wagtail hooks of applications: the review admin, the dashboard panel, the demo."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from applications import review as applications
from applications.admin_views import ApplicationViewSet, ReviewerPolicy
from applications.models import Application, ApplicationStatusChange
from courses.choices import EnrolmentMode
from courses.models import CoursePage

register_permission_policy(Application, ReviewerPolicy(Application))


@hooks.register("register_admin_viewset")
def register_applications_admin():
    return ApplicationViewSet()


def last_change(application):
    changes = list(application.status_changes.all())  # prefetched, oldest first
    return changes[-1] if changes else None


@hooks.register("dashboard_panels")
def dashboard_applications(request):
    """The signed-in user's applications, with what they can still do with each."""
    changes = ApplicationStatusChange.objects.order_by("changed_at", "pk")
    mine = (
        Application.objects.filter(applicant=request.user)
        .select_related("course")
        .prefetch_related(Prefetch("status_changes", queryset=changes))
    )
    rows = [
        (
            application,
            applications.can_edit(application),
            applications.can_withdraw(application),
            last_change(application),
        )
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
