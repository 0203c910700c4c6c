from copy import copy
from types import SimpleNamespace

from django.conf import settings
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core.caching import remembered
from core.translations import Text, in_reader_language
from home.models import SiteSettings, SiteSettingsTranslation
from home.site_cache import site_for_request


def site_texts(request):
    """The site name, footer text and address in the reader's language, each falling
    back to the English one (the site's own name for the site name)."""
    site = site_for_request(request)
    if site is None:
        name = Text(settings.WAGTAIL_SITE_NAME, settings.LANGUAGE_CODE)
        return SimpleNamespace(site_name=name, footer_text="", contact_address="")
    # A copy: the request's cached settings object keeps its English values.
    texts = copy(SiteSettings.for_request(request))
    texts.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    language = translation.get_language()
    if language != settings.LANGUAGE_CODE:
        # The reader's row, remembered until something is published (saving a translation
        # starts a new generation, as saving the settings does).
        texts.reader_translations = remembered(
            f"site-texts:{texts.pk}:{language}",
            lambda: list(
                SiteSettingsTranslation.objects.filter(settings=texts.pk, language_code=language)
            ),
        )
    return in_reader_language([texts], SiteSettingsTranslation.TEXTS)[0]


def site(request):
    """Looked up only when a template shows them: the page cache's replays never do."""
    texts = SimpleLazyObject(lambda: site_texts(request))
    return {"site_texts": texts, "site_name": SimpleLazyObject(lambda: texts.site_name)}
