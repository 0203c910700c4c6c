import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower


def clear_duplicate_emails(apps, schema_editor):
    """Accounts that share an address (in any case) keep it on the oldest one, which is
    the account that invitations and core teams matched so far; the others keep every
    other detail but lose the address (and its confirmation), and are listed so that an
    administrator can give them theirs back. No account is deleted."""
    User = apps.get_model("home", "User")
    users = User.objects.exclude(email="").annotate(key=Lower("email")).order_by("key", "pk")
    kept = {}
    for user in users.iterator():
        if user.key not in kept:
            kept[user.key] = user
            continue
        print(
            f"\n  home 0008: account {user.username!r} (id {user.pk}) used the address "
            f"{user.email!r} of the older account {kept[user.key].username!r}; its address "
            "was cleared.",
            end="",
        )
        User.objects.filter(pk=user.pk).update(email="", email_confirmed=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_user_email_confirmed"),
    ]

    operations = [
        migrations.RunPython(clear_duplicate_emails, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="unique_user_email_ci",
                violation_error_message="Another account already uses this email address.",
            ),
        ),
    ]
