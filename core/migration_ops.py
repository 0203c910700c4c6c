"""Helpers for migrations that move models between apps by state only (the tables
keep their names): the content types move with them, so pages, revisions, logs and
permissions that point at them stay intact."""

from django.db import migrations


def move_content_types(from_app, to_app, model_names):
    """A reversible RunPython that relabels the content types of `model_names`."""

    def relabel(apps, source, target):
        content_type = apps.get_model("contenttypes", "ContentType")
        page = apps.get_model("wagtailcore", "Page")
        for name in model_names:
            moving = content_type.objects.filter(app_label=source, model=name)
            if not moving.exists():
                continue  # a new database: post_migrate creates the new one
            # The new code may have made the target row before migrate ran (a request,
            # a command): it carries only automatic permissions, never the old rows.
            premature = content_type.objects.filter(app_label=target, model=name)
            if page.objects.filter(content_type__in=premature).exists():
                raise RuntimeError(f"Pages already use {target}.{name}; merge by hand.")
            premature.delete()
            moving.update(app_label=target)

    def forwards(apps, schema_editor):
        relabel(apps, from_app, to_app)

    def backwards(apps, schema_editor):
        relabel(apps, to_app, from_app)

    return migrations.RunPython(forwards, backwards, elidable=False)
