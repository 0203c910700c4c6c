from django.db import migrations


def let_editors_translate(apps, schema_editor):
    """Editors translate pages from the admin (Wagtail's simple_translation “Translate”)."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_editors_publish"),
        ("simple_translation", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(let_editors_translate, migrations.RunPython.noop)]
