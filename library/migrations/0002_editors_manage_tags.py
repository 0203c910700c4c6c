from django.db import migrations

TAG_PERMISSIONS = [
    ("add_tag", "Can add tag"),
    ("change_tag", "Can change tag"),
    ("delete_tag", "Can delete tag"),
]


def grant(apps, schema_editor):
    """Let Wagtail's Editors group rename, merge and delete tags in the admin."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    tag_type, _ = ContentType.objects.get_or_create(app_label="taggit", model="tag")
    for codename, name in TAG_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=tag_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(
                content_type__app_label="taggit",
                codename__in=[codename for codename, _ in TAG_PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
