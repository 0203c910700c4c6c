"""Two caches with different owners, and how a view tells the page cache what it read.

`default` holds what visitors cause to be stored (whole pages for anonymous visitors), so
it can fill up and evict. `state` holds the few keys the site itself keeps: counters,
locks, the page cache's generation. Visitors cannot add keys to it, so a flood of
requests can never evict a rate limit or bring back a stale generation.
"""

from django.core.cache import caches


def state_cache():
    """The cache alias for counters, locks and generations (settings.CACHES["state"])."""
    return caches["state"]


def declare_cache_query(request, params):
    """A page view that reads its query string says which parameters it used, in their
    canonical form (validated values, the page number it showed). The anonymous page
    cache stores the response only when the request's query string is exactly that, so
    `?cb=1`, `?cb=2`... or `?page=99999` are answered but never fill the cache."""
    request.page_cache_query = {
        key: [str(value) for value in (values if isinstance(values, list) else [values])]
        for key, values in params.items()
        if values not in (None, "", [])
    }


# The generation of everything published: publishing, moving or deleting a page and
# saving a site, the site settings or a snippet start a new one (home/page_cache.py).
PAGES_GENERATION_KEY = "anon-page-cache:generation"
# A day: the keys of old generations go by themselves.
REMEMBERED_LIFETIME = 24 * 60 * 60


def pages_generation():
    return state_cache().get_or_set(PAGES_GENERATION_KEY, 1, timeout=None)


def remembered_key(name):
    return f"remembered:{pages_generation()}:{name}"


def remembered(name, build):
    """`build()`'s value for this generation of what is published: for what every reader
    shares (the site, a course's programme), read on many requests and changed only by
    publishing. `name` must come from the site's own data, never from a visitor's input."""
    found = state_cache().get(remembered_key(name))
    if found is None:
        found = (build(),)  # in a tuple, so that None is remembered too
        state_cache().set(remembered_key(name), found, timeout=REMEMBERED_LIFETIME)
    return found[0]
