"""A whole-response cache of Wagtail pages, and of other views that name their data's
scopes (the forums), for anonymous visitors.

Anonymous visitors all see the same page, so the rendered HTML is kept in the cache and
served before sessions, authentication and page routing run. Publishing, unpublishing,
moving or deleting any page, or saving the site settings, starts a new cache generation;
every entry also expires after PAGE_CACHE_SECONDS, which bounds staleness from anything
else (forum counts, dates). Only responses a view marked cacheable are stored, and never
one that sets a cookie.

Two guards keep the cache honest (issue 13):
- Privacy: saving or deleting any PageViewRestriction starts a new generation, and a
  cached copy records its page's tree path, so a hit is refused for a page that lies
  under a restricted page (the restricted paths are kept in the state cache and rebuilt
  with one query whenever a restriction changes).
- Flooding: a response is stored only when the request's query string is exactly the
  parameters the page declared it used (core.caching.declare_cache_query); any other
  query string is served uncached. The generation and the restricted paths live in the
  `state` cache alias, which visitors cannot fill.

Views outside the page tree (the forum list, a forum, a topic) are stored only when they
named the scopes of data they show (core.caching.depends_on_scopes); each copy keeps the
generation of every scope it showed, and a hit is refused once one has moved on, so the
forums app makes its own pages stale (bump_scope) without emptying anyone else's. Every
copy also depends on the site-wide generation above: a published page can change the
menus of every page.
"""

import hashlib
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import has_vary_header
from wagtail.signals import page_published, page_unpublished

from core.caching import (
    PAGES_GENERATION_KEY,
    pages_generation,
    scopes_are_current,
    start_new_pages_generation,
    state_cache,
)

GENERATION_KEY = PAGES_GENERATION_KEY  # core/caching.py: remembered values share it
RESTRICTED_KEY = "anon-page-cache:restricted-paths"


def is_anonymous(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_key(request):
    generation_now = pages_generation()
    # Unprefixed URLs may redirect to the visitor's language, so that choice is part of
    # the key; prefixed URLs name their language themselves.
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)
    raw = f"{request.get_host()}|{request.get_full_path()}|{language}|{generation_now}"
    return "anon-page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


def cache_control(response):
    return [part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")]


def clear():
    start_new_pages_generation()


def restricted_paths():
    """Tree paths of every page with a view restriction (its descendants share the
    prefix); kept in the state cache until a restriction changes."""
    paths = state_cache().get(RESTRICTED_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        state_cache().set(RESTRICTED_KEY, paths, timeout=None)
    return paths


def is_restricted(page_path):
    return page_path is not None and any(page_path.startswith(path) for path in restricted_paths())


def is_current(cached):
    return not is_restricted(cached.page_cache_path) and scopes_are_current(
        getattr(cached, "page_cache_scopes", None)
    )


def query_matches_declaration(request):
    """True when the query string holds exactly what the page said it used."""
    asked = {}
    for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        asked.setdefault(key, []).append(value)
    declared = getattr(request, "page_cache_query", {})
    return {key: sorted(values) for key, values in asked.items()} == {
        key: sorted(values) for key, values in declared.items()
    }


def served_page_path(request):
    """The tree path of the page Wagtail routed this request to (None for other views)."""
    route = getattr(request, "_wagtail_route_for_request", None)
    return getattr(getattr(route, "page", None), "path", None)


def lifetime(request, longest=None):
    """The view's shorter lifetime, if it asked for one, within `longest` (by default
    PAGE_CACHE_SECONDS)."""
    longest = settings.PAGE_CACHE_SECONDS if longest is None else longest
    shorter = getattr(request, "page_cache_timeout", None)
    return min(shorter, longest) if shorter else longest


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not is_anonymous(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None and is_current(cached):
            return cached
        response = self.get_response(request)
        page_path = served_page_path(request)
        scopes = getattr(request, "page_cache_scopes", None)
        if (
            getattr(request, "anonymous_page_cacheable", False)
            and (page_path is not None or scopes)
            and not is_restricted(page_path)
            and query_matches_declaration(request)
            and response.status_code == 200
            and not response.cookies  # also catches any page that rendered a CSRF token
            and not response.streaming
            and not has_vary_header(response, "Authorization")
            and not {"private", "no-store"} & set(cache_control(response))
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response.page_cache_path = page_path
            response.page_cache_scopes = scopes
            cache.set(key, response, lifetime(request))
        return response


def clear_on_change(**kwargs):
    clear()


def clear_on_restriction_change(**kwargs):
    state_cache().delete(RESTRICTED_KEY)
    clear()


def connect_signals():
    """Clear on anything that may change what a published page shows: publishing and
    unpublishing (pages and snippets), moves, any save or deletion of a page (pages
    created in code with add_child skip the publish signal), snippet and settings edits,
    and any change to who may view a page. Topics and reports, which forum activity
    saves all the time, are left to the forums app's own scopes (forums/page_cache.py):
    no Wagtail page shows them to anonymous visitors."""
    from wagtail.models import PageViewRestriction, Site, get_page_models
    from wagtail.signals import post_page_move, published, unpublished
    from wagtail.snippets.models import get_snippet_models

    from forums.models import ForumTranslation, Report, Topic
    from home.models import SiteSettings, SiteSettingsTranslation

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(clear_on_change, dispatch_uid=f"page-cache-{id(signal)}")
    # Translation rows are saved after their parent's post_save: they clear it again.
    translations = [SiteSettingsTranslation, ForumTranslation]
    snippets = [model for model in get_snippet_models() if model not in (Topic, Report)]
    for model in [*get_page_models(), *snippets, Site, SiteSettings, *translations]:
        post_save.connect(clear_on_change, sender=model, dispatch_uid=f"page-cache-s-{model}")
        post_delete.connect(clear_on_change, sender=model, dispatch_uid=f"page-cache-d-{model}")
    for signal in (post_save, post_delete):
        signal.connect(
            clear_on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"page-cache-restriction-{id(signal)}",
        )
