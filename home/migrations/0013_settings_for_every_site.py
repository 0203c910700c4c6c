"""Every site has its settings row from the start (later sites get theirs when saved):
otherwise the first request to read them creates it, and that save starts a new
generation of everything remembered (core/caching.py) just after it was filled."""

from django.db import migrations


def give_every_site_its_settings(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SiteSettings = apps.get_model("home", "SiteSettings")
    with_settings = SiteSettings.objects.values_list("site_id", flat=True)
    for site in Site.objects.exclude(pk__in=list(with_settings)):
        SiteSettings.objects.create(site=site)


class Migration(migrations.Migration):
    dependencies = [("home", "0012_site_settings_translations")]

    operations = [migrations.RunPython(give_every_site_its_settings, migrations.RunPython.noop)]
