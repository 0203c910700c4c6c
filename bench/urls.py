"""The site's URLs behind a floor: the cheapest view Django can serve through the same
middleware, to compare every page against."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

FLOOR_PATH = "bench/floor"


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


# Spliced in, not include()d: the site's URLs use i18n_patterns, which must stay top-level.
urlpatterns = [path(FLOOR_PATH, floor), *site_urlpatterns]
