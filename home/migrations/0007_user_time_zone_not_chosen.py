import core.validators
from django.db import migrations, models


def utc_to_not_chosen(apps, schema_editor):
    """"UTC" was the default that every account got, and nothing recorded whether a
    person picked it: a reader in UTC sees the venue's time, named, which is no loss,
    while a reader in Karachi no longer sees UTC as if it were their own."""
    apps.get_model("home", "User").objects.filter(time_zone="UTC").update(time_zone="")


def not_chosen_to_utc(apps, schema_editor):
    apps.get_model("home", "User").objects.filter(time_zone="").update(time_zone="UTC")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_user_receives_reminders"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="time_zone",
            field=models.CharField(
                blank=True,
                help_text="Session times are shown in this time zone; if none is chosen, in the venue's.",
                max_length=64,
                validators=[core.validators.validate_time_zone],
                verbose_name="time zone",
            ),
        ),
        migrations.RunPython(utc_to_not_chosen, not_chosen_to_utc),
    ]
