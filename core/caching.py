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
