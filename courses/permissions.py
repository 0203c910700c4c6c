"""Who may manage a course's own admin records (session messages, reminders...): the
users who may edit its course page in Wagtail."""

from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.access import is_course_editor
from courses.models import CoursePage

course_pages = PagePermissionPolicy(CoursePage)


def edits_courses(user):
    return course_pages.user_has_permission(user, "change")


class CourseEditorPolicy(ModelPermissionPolicy):
    """Users who may edit course pages in Wagtail may do `actions`; on one instance,
    only if they may edit its course."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and edits_courses(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and is_course_editor(user, instance.course)
