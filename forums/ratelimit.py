"""How fast one user may post: FORUMS_POST_RATE = "posts/seconds" (default "5/60"),
counted in fixed windows in the `state` cache alias (core/caching.py), which visitors
cannot fill, so no flood of page requests evicts a counter. With REDIS_URL the count is
shared by every worker and host; the default disk cache shares it between the workers of
one host."""

import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.caching import state_cache


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
    cache = state_cache()
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= posts
