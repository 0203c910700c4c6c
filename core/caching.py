"""Two caches with different owners, and how a view tells the page cache what it read.

`default` holds what visitors cause to be stored (whole pages for anonymous visitors), so
it can fill up and evict. `state` holds the few keys the site itself keeps: counters,
locks, the page cache's generation. Visitors cannot add keys to it, so a flood of
requests can never evict a rate limit or bring back a stale generation.

A view tells the anonymous page cache (home/page_cache.py) that its response may be
stored (mark_cacheable), which query parameters it used (declare_cache_query) and, for a
view outside the page tree, which scopes of data it shows (depends_on_scopes). The app
that owns that data calls bump_scope when it changes: a forum reply makes the forums'
pages stale and leaves every other cached page alone.
"""

import time

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

SCOPE_KEY = "anon-page-cache:scope:"


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


def mark_cacheable(request, timeout=None):
    """The view's response to a signed-out visitor may be stored in the anonymous page
    cache (and `timeout` seconds at most, when that is shorter than PAGE_CACHE_SECONDS: a
    poll that closes soon). Views that are not Wagtail pages must also name their scopes
    (depends_on_scopes) or nothing is stored."""
    request.anonymous_page_cacheable = True
    request.page_cache_timeout = timeout


def depends_on_scopes(request, *names):
    """A view that shows data outside the page tree (a forum's posts) names the scopes
    that data belongs to, before it reads it: the generation of each is taken now and
    stored with the cached response, and a hit is refused once any of them moved on
    (bump_scope). Taking them first means a change committed while the view renders
    leaves the stored copy already out of date, never current."""
    request.page_cache_scopes = scope_generations(names)


def scope_generations(names):
    """{name: generation}. A scope seen for the first time (or after the state cache
    was emptied) starts at the clock in nanoseconds, so it never repeats a number an
    older cached copy holds."""
    state = state_cache()
    keys = {name: SCOPE_KEY + name for name in names}
    found = state.get_many(keys.values())
    return {
        name: found[key] if key in found else state.get_or_set(key, time.time_ns, timeout=None)
        for name, key in keys.items()
    }


def scopes_are_current(generations):
    """True while no scope of a cached copy has been bumped since it was rendered."""
    if not generations:
        return True
    keys = {SCOPE_KEY + name: generation for name, generation in generations.items()}
    found = state_cache().get_many(keys)
    return all(found.get(key) == generation for key, generation in keys.items())


def bump_scope(*names):
    """Make every cached copy that depends on these scopes out of date: now, and again
    when the current transaction commits, so a copy rendered from the data as it was
    before the commit is never stored as current."""
    bump_scope_now(names)
    transaction.on_commit(lambda: bump_scope_now(names))


def bump_scope_now(names):
    """The clock, not an increment: two processes bumping at once through a cache that
    cannot increment atomically (files) still leave a value no reader has seen."""
    now = time.time_ns()
    state_cache().set_many({SCOPE_KEY + name: now for name in names}, timeout=None)


# The generation of everything published: publishing, moving or deleting a page and
# saving a site, the site settings or a snippet start a new one (home/page_cache.py).
PAGES_GENERATION_KEY = "anon-page-cache:generation"
# A day: the keys of old generations go by themselves.
REMEMBERED_LIFETIME = 24 * 60 * 60


def pages_generation():
    # Started at the clock, as scopes are: an emptied state cache never repeats a number.
    return state_cache().get_or_set(PAGES_GENERATION_KEY, time.time_ns, timeout=None)


def start_new_pages_generation():
    """Now, and again when the transaction commits, so that nothing rendered or
    remembered from the data as it was before the commit is kept as current."""
    _bump_pages_generation()
    transaction.on_commit(_bump_pages_generation)


def _bump_pages_generation():
    try:
        state_cache().incr(PAGES_GENERATION_KEY)
    except ValueError:  # never read yet, or the state cache was emptied
        state_cache().set(PAGES_GENERATION_KEY, time.time_ns(), timeout=None)


def remembered_key(name, scopes=()):
    """The key of `name` in this generation of what is published and, for a value also
    built from data outside the page tree, in the current generation of each scope."""
    if not scopes:
        return f"remembered:{pages_generation()}:{name}"
    generations = scope_generations(sorted(scopes))
    suffix = ":".join(str(generations[scope]) for scope in sorted(scopes))
    return f"remembered:{pages_generation()}:{name}:{suffix}"


def remembered(name, build, scopes=()):
    """`build()`'s value for this generation of what is published: for what every reader
    shares (the site, a course's programme), read on many requests and changed only by
    publishing. `name` must come from the site's own data, never from a visitor's input.

    `scopes` name data that no publishing changes (a course's measures, one person's
    answers): whoever changes it calls `bump_scope`, and the value is built again. The
    key is taken before building, so a change committed meanwhile is never kept."""
    key = remembered_key(name, scopes)
    found = state_cache().get(key)
    if found is None:
        found = (build(),)  # in a tuple, so that None is remembered too
        state_cache().set(key, found, timeout=REMEMBERED_LIFETIME)
    return found[0]


def bump_on_change(model, scope_of, uid, created_too=True):
    """Bump `scope_of(instance)` whenever a row of `model` is saved or deleted (a queryset's
    delete sends the signal for each row too), so what is `remembered` with that scope is
    built again on the next request. Connect it in the owning app's `ready()`.
    `created_too=False` when nothing remembered can be older than a new row (a value
    built from the row itself, which creates it when missing)."""

    def bump(sender, instance, created=False, **kwargs):
        if created and not created_too:
            return
        if (scope := scope_of(instance)) is not None:
            bump_scope(scope)

    post_save.connect(bump, sender=model, dispatch_uid=f"{uid}-save", weak=False)
    post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
