from wagtail import hooks
from wagtail.permissions import register_permission_policy

from courses.models import FollowUpReminder
from courses.permissions import CourseEditorPolicy
from reminders.admin_views import RemindersAdminGroup
from reminders.models import SessionMessage

register_permission_policy(
    SessionMessage, CourseEditorPolicy(SessionMessage, {"add", "change", "delete", "view"})
)
register_permission_policy(FollowUpReminder, CourseEditorPolicy(FollowUpReminder, {"view"}))


@hooks.register("register_admin_viewset")
def register_reminders_admin():
    return RemindersAdminGroup()
