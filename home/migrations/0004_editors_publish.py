from django.db import migrations


def let_editors_publish(apps, schema_editor):
    """Programme editors build and publish courses, modules and library entries
    themselves, so the Editors group may publish everywhere and new sites start without
    Wagtail's moderation workflow (a programme can add one in Settings → Workflows)."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    editors = Group.objects.filter(name="Editors").first()
    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    if root and editors and publish:
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    if root:
        WorkflowPage.objects.filter(page=root).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(let_editors_publish, migrations.RunPython.noop)]
