"""A whole-response cache of Wagtail pages for anonymous visitors.

Anonymous visitors all see the same page, so the rendered HTML is kept in the cache and
served before sessions, authentication and page routing run. Publishing, unpublishing,
moving or deleting any page, or saving the site settings, starts a new cache generation;
every entry also expires after PAGE_CACHE_SECONDS, which bounds staleness from anything
else (forum counts, dates). Only responses a view marked cacheable are stored, and never
one that sets a cookie.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import has_vary_header
from wagtail.signals import page_published, page_unpublished

GENERATION_KEY = "anon-page-cache:generation"


def mark_cacheable(request):
    request.anonymous_page_cacheable = True


def is_anonymous(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_key(request):
    generation = cache.get_or_set(GENERATION_KEY, 1, timeout=None)
    # Unprefixed URLs may redirect to the visitor's language, so that choice is part of
    # the key; prefixed URLs name their language themselves.
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)
    raw = f"{request.get_host()}|{request.get_full_path()}|{language}|{generation}"
    return "anon-page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


def cache_control(response):
    return [part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")]


def clear():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not is_anonymous(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if (
            getattr(request, "anonymous_page_cacheable", False)
            and response.status_code == 200
            and not response.cookies  # also catches any page that rendered a CSRF token
            and not response.streaming
            and not has_vary_header(response, "Authorization")
            and not {"private", "no-store"} & set(cache_control(response))
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response


def clear_on_change(**kwargs):
    clear()


def connect_signals():
    """Clear on anything that may change what a published page shows: publishing and
    unpublishing (pages and snippets), moves, any save or deletion of a page (pages
    created in code with add_child skip the publish signal), snippet and settings edits."""
    from wagtail.models import get_page_models
    from wagtail.signals import post_page_move, published, unpublished
    from wagtail.snippets.models import get_snippet_models

    from home.models import SiteSettings

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(clear_on_change, dispatch_uid=f"page-cache-{id(signal)}")
    for model in [*get_page_models(), *get_snippet_models(), SiteSettings]:
        post_save.connect(clear_on_change, sender=model, dispatch_uid=f"page-cache-s-{model}")
        post_delete.connect(clear_on_change, sender=model, dispatch_uid=f"page-cache-d-{model}")
