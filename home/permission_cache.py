"""Django's model permissions, which the layout asks on every signed-in page (may this
reader moderate, edit this page, open the admin), read from the state cache instead of
two queries a request. Any change to who holds which permission (a user's groups or own
permissions, a group's permissions, a group or permission saved or deleted) starts a
new generation, so a revoked permission is gone on the next request.

The user model calls `warm` before it asks the backends: it gives the user object the
`_perm_cache` that Django's ModelBackend (and django-axes' backend, a subclass) fills
and reads, so every backend answers from it."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.caching import REMEMBERED_LIFETIME, state_cache

GENERATION_KEY = "permissions:generation"


def warm(user):
    if not user.is_active or user.is_anonymous or hasattr(user, "_perm_cache"):
        return
    generation = state_cache().get_or_set(GENERATION_KEY, 1, timeout=None)
    # The flag is in the key: making someone a superuser is a save of the user.
    key = f"permissions:{generation}:{user.pk}:{user.is_superuser}"
    perms = state_cache().get(key)
    if perms is None:
        from django.contrib.auth.backends import ModelBackend  # needs the user model loaded

        perms = ModelBackend().get_all_permissions(user)
        state_cache().set(key, perms, timeout=REMEMBERED_LIFETIME)
    user._perm_cache = perms


def start_new_generation(**kwargs):
    try:
        state_cache().incr(GENERATION_KEY)
    except ValueError:
        state_cache().set(GENERATION_KEY, 1, timeout=None)


def connect_signals(user_model):
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(start_new_generation, sender=through, dispatch_uid=f"perms-{through}")
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            uid = f"perms-{model}-{id(signal)}"
            signal.connect(start_new_generation, sender=model, dispatch_uid=uid)
