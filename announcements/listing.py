"""Announcements in the reader's language: the default-language pages, newest first,
each swapped for its live translation in the active language where there is one (one
query for a whole list)."""

from django.conf import settings
from django.core.paginator import Paginator
from wagtail.models import Locale

from announcements.forms import SubscribeForm
from announcements.models import AnnouncementPage
from core.caching import declare_cache_query

PER_PAGE = 10


def originals():
    return (
        AnnouncementPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .order_by("-first_published_at", "-pk")
    )


def in_reader_language(pages):
    pages = list(pages)
    locale = Locale.get_active()
    if not pages or locale.language_code == settings.LANGUAGE_CODE:
        return pages
    translations = {
        page.translation_key: page
        for page in AnnouncementPage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=[page.translation_key for page in pages])
        .select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def latest(count):
    return in_reader_language(originals()[:count])


def index_context(request):
    page = Paginator(originals(), PER_PAGE).get_page(request.GET.get("page"))
    declare_cache_query(request, {"page": page.number if page.number > 1 else None})
    return {
        "announcements": in_reader_language(page.object_list),
        "page_obj": page,
        "subscribe_form": SubscribeForm(),
    }
