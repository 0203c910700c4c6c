"""Wagtail hooks of applications and reminders, imported by courses/wagtail_hooks.py.

Importing `courses.invitations` here also connects its `user_logged_in` receiver:
wagtail_hooks modules load with the URLconf (Wagtail's admin URLs ask for hooks), so
before any sign-up or sign-in view runs.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from courses import application_demo, applications, invitations  # noqa: F401 (receiver)
from courses.application_admin import (
    ApplicationsAdminGroup,
    CourseEditorPolicy,
    ReviewerPolicy,
)
from courses.models import Application, ApplicationStatusChange, FollowUpReminder, SessionMessage

register_permission_policy(Application, ReviewerPolicy(Application))
register_permission_policy(
    SessionMessage, CourseEditorPolicy(SessionMessage, {"add", "change", "delete", "view"})
)
register_permission_policy(FollowUpReminder, CourseEditorPolicy(FollowUpReminder, {"view"}))


@hooks.register("register_admin_viewset")
def register_applications_admin():
    return ApplicationsAdminGroup()


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
    return render_to_string(
        "courses/applications/dashboard_panel.html", {"rows": rows}, request=request
    )


@hooks.register("load_demo_content", order=50)
def load_applications_demo(scale, stdout):
    application_demo.load(scale, stdout)
