"""Receivers of improvement's signals."""

from django.contrib.auth.management import create_permissions

EDITOR_PERMISSIONS = ["add_measure", "change_measure", "delete_measure", "view_measure"]


def grant_measure_permissions(sender, app_config=None, apps=None, **kwargs):
    """Editors define every course's measures in the admin. Facilitators define their
    courses' measures (the admin's permission policy asks `courses.access`). Runs after
    every migrate, as teams' does."""
    if app_config is None or app_config.label != "improvement" or apps is None:
        return
    create_permissions(app_config, verbosity=0)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="improvement", codename__in=EDITOR_PERMISSIONS
    )
    editors = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if editors:
        editors.permissions.add(*permissions)
