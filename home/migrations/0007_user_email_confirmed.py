from django.db import migrations, models


class Migration(migrations.Migration):
    """Accounts made before sign-up confirmed addresses count as confirmed, so that
    nobody who already joined through an address is locked out of invitations; new
    accounts start unconfirmed."""

    dependencies = [
        ("home", "0006_user_receives_reminders"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_confirmed",
            field=models.BooleanField(default=True, verbose_name="email address confirmed"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="user",
            name="email_confirmed",
            field=models.BooleanField(
                default=False,
                help_text="Set when the person followed the link emailed to this address. Only then do invitations and accepted core teams recognise them by it.",
                verbose_name="email address confirmed",
            ),
        ),
    ]
