from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.routing import FILE_ROUTE_PATTERN
from home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("favicon.ico", home_views.favicon),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/", home_views.switch_language, name="switch_language"),
]

if settings.DEBUG:
    from django.views.static import serve

    # Media but documents, which only /documents/ serves (core/documents.py).
    media = re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>(?!documents/).*)$",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    )
    urlpatterns.append(media)

# English is unprefixed (the URL contract); /ar/, /fa/ and /ur/ carry the others.
urlpatterns += i18n_patterns(
    path("accounts/", include("home.urls")),
    path("dashboard/", home_views.dashboard, name="dashboard"),
    # Each app's own views below no page; views below a page are its routes (see
    # core/routing.py). The forums come first: library matches paths by their suffix.
    path("forums/", include("forums.urls")),
    path("notifications/", include("forums.notification_urls")),
    path("", include("courses.urls")),
    path("", include("applications.urls")),
    path("", include("reminders.urls")),
    path("", include("library.urls")),
    path("", include("announcements.urls")),
    path("", include("roster.urls")),
    # Wagtail's page serving, falling back to the English page when a page has no
    # translation yet (same pattern and name as Wagtail's own, which stays as backup);
    # paths that end in a file name (calendar.ics) go to the page's routes too.
    re_path(FILE_ROUTE_PATTERN, home_views.serve_with_fallback, name="wagtail_serve_file"),
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve_with_fallback, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
