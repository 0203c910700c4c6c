"""Counting requests in fixed windows, for rate limits any app sets: kept in the `state`
cache alias (core.caching), which holds no pages, so visitors cannot evict a counter by
filling the cache. Keys are hashed: an email address never lands in the cache as text."""

import hashlib
import time

from core.caching import state_cache


def allow(scope, key, rate):
    """Count one request of `scope` by `key`; False once `rate` (count, seconds) is spent."""
    limit, seconds = rate
    cache = state_cache()
    digest = hashlib.sha256(str(key).lower().encode()).hexdigest()[:32]
    name = f"throttle:{scope}:{digest}:{int(time.time() // seconds)}"
    cache.add(name, 0, timeout=seconds)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=seconds)
        count = 1
    return count <= limit
