"""Each signed-in reader's own copy of the pages they come back to, until anything in
the database changes.

A signed-in page differs per reader (progress, enrolment, unread counts, team data), so
it cannot come from the anonymous page cache. But a reader who returns to a page (the
course after each module, the dashboard, a topic they follow) is shown the same HTML as
long as nothing was written since: any write to any table moves the `database-writes`
scope (core/writes.py). A copy is served only to the same session, under the same
language and time zone, while that scope has not moved, and for READER_CACHE_SECONDS
at most, which bounds what only the clock changes (a call that starts now).

Stored: a 200 HTML answer to a GET that wrote nothing itself, sets no cookie, carries
no flash message, is not `no-store`/`no-cache`, and whose query string is empty or
exactly what the view declared (core.caching.declare_cache_query), so no one can fill
the cache with `?x=1`, `?x=2`... The Wagtail admin and previews are never stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from core.caching import scope_generations, scopes_are_current
from core.writes import SCOPE
from home.page_cache import cache_control, lifetime, query_matches_declaration

NEVER_STORED = "/admin/"


def applies(request):
    return (
        settings.READER_CACHE_SECONDS > 0
        and request.method == "GET"
        and request.user.is_authenticated
        # Messages wait in their cookie (the session holds more only when the cookie says so).
        and "messages" not in request.COOKIES
        and not request.path_info.startswith(NEVER_STORED)
    )


def cache_key(request):
    reader = hashlib.sha256(request.session.session_key.encode()).hexdigest()
    raw = "|".join(
        (
            request.get_host(),
            request.get_full_path(),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            reader,
        )
    )
    return "reader-page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


def showed_no_message(request):
    storage = getattr(request, "_messages", None)
    return storage is None or not (storage.used or len(storage))


def storable(request, response):
    return (
        response.status_code == 200
        and showed_no_message(request)
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not getattr(request, "is_preview", False)
        and not {"no-store", "no-cache"} & set(cache_control(response))
        and (not request.META.get("QUERY_STRING") or query_matches_declaration(request))
    )


class ReaderPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not applies(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None and scopes_are_current(cached.reader_cache_scopes):
            return cached
        # Taken before the view reads anything: a write committed while it renders
        # leaves this copy out of date at once.
        generations = scope_generations([SCOPE])
        response = self.get_response(request)
        if storable(request, response) and scopes_are_current(generations):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response.reader_cache_scopes = generations
            cache.set(key, response, lifetime(request, settings.READER_CACHE_SECONDS))
        return response
