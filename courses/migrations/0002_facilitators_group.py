"""The Facilitators group (admin access, read-only enrolment listing of their own
courses) and the Editors group's rights to manage enrolments and thematic areas."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "add_enrolment",
    "change_enrolment",
    "delete_enrolment",
    "view_enrolment",
    "add_theme",
    "change_theme",
    "delete_theme",
    "view_theme",
]


def create_groups(apps, schema_editor):
    # Permissions of this app's models normally appear after all migrations have run.
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    facilitators, _ = Group.objects.get_or_create(name="Facilitators")
    facilitators.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="courses", codename="view_enrolment"),
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="courses", codename__in=EDITOR_PERMISSIONS
            )
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Facilitators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
