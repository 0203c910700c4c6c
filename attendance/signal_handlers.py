"""Receivers of attendance, connected in AttendanceConfig.ready()."""

from django.contrib.auth.management import create_permissions

from courses.completion import complete_if_done

EDITOR_PERMISSIONS = ["add_attendance", "change_attendance", "delete_attendance", "view_attendance"]


def grant_attendance_permissions(sender, app_config=None, apps=None, **kwargs):
    """Editors manage attendance in the admin; facilitators see their courses' rows.
    Runs after every migrate, so it also repairs permissions someone removed."""
    if app_config is None or app_config.label != "attendance" or apps is None:
        return
    create_permissions(app_config, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    permissions = permission_model.objects.filter(
        content_type__app_label="attendance", codename__in=EDITOR_PERMISSIONS
    )
    editors = group_model.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.add(*permissions)
    facilitators = group_model.objects.filter(name="Facilitators").first()
    if facilitators:
        facilitators.permissions.add(*permissions.filter(codename="view_attendance"))


def check_completion_on_attendance(sender, instance, created, raw=False, **kwargs):
    """A new attendance row may complete the course (in the same transaction)."""
    if created and not raw:
        complete_if_done(instance.workshop, [instance.user_id])
