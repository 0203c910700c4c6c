"""What every app's demo content shares: the demo accounts' password and how a demo
account is made. Used only inside `load_demo_content` hooks, never at start-up."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

DEMO_PASSWORD = "collab-demo"  # noqa: S105 - published demo credential, refused without DEBUG


@cache
def demo_password_hash():
    """The demo password hashed once per run and shared by every demo account: it is
    published anyway, and hashing it per account costs most of a run's time."""
    return make_password(DEMO_PASSWORD)


def demo_user(username, **fields):
    """A demo account, created once with the published demo password; (user, created)."""
    return get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "email_confirmed": True,
            "password": demo_password_hash(),
            **fields,
        },
    )
