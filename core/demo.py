"""What every app's demo content shares: the demo accounts' password and how a demo
account is made. Used only inside `load_demo_content` hooks, never at start-up."""

from django.contrib.auth import get_user_model

DEMO_PASSWORD = "collab-demo"  # noqa: S105 - published demo credential, refused without DEBUG


def demo_user(username, **fields):
    """A demo account, created once with the published demo password; (user, created)."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org", "email_confirmed": True, **fields},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created
