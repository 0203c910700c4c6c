"""Facilitators edit no pages, so they choose no documents (issue 13, finding 3).

Wagtail's wagtaildocs.0011 gave "choose" on the root collection to every group with
admin access, the Facilitators group included: its document chooser then listed every
document of every course. Editors keep their collection permissions.
"""

from django.db import migrations


def remove_choose_documents(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group__name="Facilitators",
        permission__content_type__app_label="wagtaildocs",
        permission__codename="choose_document",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_programme_form"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(remove_choose_documents, migrations.RunPython.noop)]
