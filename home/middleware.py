import zoneinfo

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.redirects import is_local_path
from core.timezones import READER_ZONE_ATTRIBUTE


class UserTimeZoneMiddleware:
    """Show times in the signed-in user's own time zone (session times, post dates), and
    mark the request with it (`core.timezones.reader_zone`); a user who chose none, and
    every visitor, sees a session in its venue's zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = self.chosen_zone(getattr(request, "user", None))
        setattr(request, READER_ZONE_ATTRIBUTE, zone)
        if zone:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

    @staticmethod
    def chosen_zone(user):
        if user is None or not user.is_authenticated or not user.time_zone:
            return None
        try:
            return zoneinfo.ZoneInfo(user.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None


class PreferredLanguageMiddleware:
    """Unprefixed URLs are English. A visitor who prefers another language (the signed-in
    user's profile, else the language cookie set by the switcher, else the browser's
    Accept-Language) is sent to the same page under that language's prefix. Only a path
    that is plainly on this site is redirected ("//evil.example/" would become
    "//evil.example/ar/", another host)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self.preferred_url(request)
        response = HttpResponseRedirect(redirect_to) if redirect_to else self.get_response(request)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response

    @staticmethod
    def preferred_url(request):
        if request.method not in ("GET", "HEAD"):
            return None
        if translation.get_language_from_path(request.path_info):
            return None
        user = request.user
        if user.is_authenticated:
            language = user.preferred_language
        else:
            language = translation.get_language_from_request(request, check_path=False)
        if language == settings.LANGUAGE_CODE:
            return None
        path = request.get_full_path()
        if not is_local_path(path):
            return None
        translated = translate_url(path, language)
        return translated if translated != path and is_local_path(translated) else None


class RejectNulBytesMiddleware:
    """A NUL byte in a URL is never meaningful, and PostgreSQL refuses it in text
    lookups (a 500 deep inside a view): answer 400 before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or "\x00" in request.META.get("QUERY_STRING", "")
            or any("\x00" in key or "\x00" in value for key, value in request.GET.items())
        ):
            return HttpResponseBadRequest(
                "The address contains a NUL byte.", content_type="text/plain"
            )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers every response carries, and the privacy of every signed-in page.

    A page rendered for a signed-in person (dashboard with the private calendar address,
    profile, forum pages) must never be kept by a shared cache: it gets
    `Cache-Control: private` unless the view set something stricter (no-store, no-cache).
    Anonymous pages are left alone so that the anonymous page cache keeps working.

    Every response carries a Content-Security-Policy: `CONTENT_SECURITY_POLICY` (strict:
    the site's own files, no inline script or style), or under the Wagtail admin, which
    needs inline scripts and styles, `CONTENT_SECURITY_POLICY_ADMIN`.
    """

    STRICTER = {"private", "no-store", "no-cache"}
    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Content-Security-Policy", self.csp(request))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            directives = {
                part.strip().split("=")[0].lower()
                for part in response.get("Cache-Control", "").split(",")
            }
            if not self.STRICTER & directives:
                patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    def csp(self, request):
        if request.path_info.startswith(self.ADMIN_PREFIX):
            return settings.CONTENT_SECURITY_POLICY_ADMIN
        return settings.CONTENT_SECURITY_POLICY
