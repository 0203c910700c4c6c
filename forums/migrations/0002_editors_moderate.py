"""Editors moderate every forum and manage forums, topics and reports in the admin."""

from django.db import migrations

GRANTS = {
    "forum": ["add", "change", "delete", "view", "moderate"],
    "topic": ["change", "delete", "view"],
    "report": ["delete", "view"],
}


def codename(action, model):
    return "moderate_forum" if action == "moderate" else f"{action}_{model}"


def permission_name(action, model):
    return "Can moderate every forum" if action == "moderate" else f"Can {action} {model}"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for model, actions in GRANTS.items():
        # Permissions are normally created after migrate; make sure they exist now.
        content_type, _ = ContentType.objects.get_or_create(app_label="forums", model=model)
        for action in actions:
            name = codename(action, model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=name,
                defaults={"name": permission_name(action, model)},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
