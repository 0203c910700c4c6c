"""How fast one user may post: FORUMS_POST_RATE = "posts/seconds" (default "5/60"),
counted in Django's cache in fixed windows. With REDIS_URL the count is shared by every
worker; with the default per-process memory cache each worker counts on its own."""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured


def post_rate():
    value = settings.FORUMS_POST_RATE
    try:
        posts, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f'FORUMS_POST_RATE must look like "5/60", not {value!r}'
        ) from None
    return posts, seconds


def allow_post(user):
    """Count one post by `user`; False when it is over the rate."""
    posts, seconds = post_rate()
    key = f"forums:rate:{user.pk}:{int(time.time() // seconds)}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= posts
