"""The site name, footer text and address in the reader's language, English (marked as
such) where not translated; a saved translation reaches cached and signed-in pages at
once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import SiteSettings, SiteSettingsTranslation, StandardPage

ENGLISH = ' lang="en" dir="ltr"'


@pytest.fixture
def site_settings(home_page):
    site = Site.objects.get()
    site.site_name = "Learning Collaborative"
    site.save()
    settings = SiteSettings.for_site(site)
    settings.footer_text = "A learning collaborative for mental health care."
    settings.contact_address = "Collaborative secretariat"
    settings.save()
    SiteSettingsTranslation.objects.create(
        settings=settings,
        language_code="ar",
        site_name="التعاونية التعلّمية",
        footer_text="تعاونية تعلّمية لرعاية الصحة النفسية.",
    )
    home_page.add_child(instance=StandardPage(title="About us", slug="about"))
    return settings


def test_arabic_page_shows_the_arabic_site_name_and_footer(client, site_settings):
    html = client.get("/ar/about/").content.decode()
    assert '<a class="site-header__brand" href="/">التعاونية التعلّمية</a>' in html
    assert "· التعاونية التعلّمية</title>" in html
    assert "<p>تعاونية تعلّمية لرعاية الصحة النفسية.</p>" in html
    # No Arabic address: the English one, marked.
    assert f"<span{ENGLISH}>Collaborative secretariat</span>" in html


def test_urdu_page_without_urdu_texts_shows_english_marked(client, site_settings):
    html = client.get("/ur/about/").content.decode()
    assert f'<a class="site-header__brand" href="/"{ENGLISH}>Learning Collaborative</a>' in html
    assert f"<p{ENGLISH}>A learning collaborative for mental health care.</p>" in html


def test_english_page_keeps_the_english_texts_unmarked(client, site_settings):
    html = client.get("/about/").content.decode()
    assert '<a class="site-header__brand" href="/">Learning Collaborative</a>' in html
    assert "<p>A learning collaborative for mental health care.</p>" in html


def test_saving_a_translation_clears_the_cached_arabic_page(client, site_settings):
    assert "تعاونية تعلّمية لرعاية" in client.get("/ar/about/").content.decode()
    translation = site_settings.translations.get()
    translation.footer_text = "تذييل جديد للجميع"
    translation.save()
    assert "<p>تذييل جديد للجميع</p>" in client.get("/ar/about/").content.decode()


def test_editor_adds_a_farsi_footer_in_the_settings_admin(client, superuser, site_settings):
    client.get("/fa/about/")  # cached with the English footer
    client.force_login(superuser)
    arabic = site_settings.translations.get()
    response = client.post(
        f"/admin/settings/home/sitesettings/{site_settings.site_id}/",
        {
            "footer_text": site_settings.footer_text,
            "contact_email": "",
            "contact_address": site_settings.contact_address,
            "translations-TOTAL_FORMS": "2",
            "translations-INITIAL_FORMS": "1",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
            "translations-0-id": str(arabic.pk),
            "translations-0-language_code": "ar",
            "translations-0-site_name": arabic.site_name,
            "translations-0-footer_text": arabic.footer_text,
            "translations-0-contact_address": "",
            "translations-1-id": "",
            "translations-1-language_code": "fa",
            "translations-1-site_name": "",
            "translations-1-footer_text": "همیاری یادگیری برای سلامت روان.",
            "translations-1-contact_address": "",
        },
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/fa/about/").content.decode()
    assert "<p>همیاری یادگیری برای سلامت روان.</p>" in html
    # No Farsi site name: the English one, marked.
    assert f'href="/"{ENGLISH}>Learning Collaborative</a>' in html


def translation_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q for q in queries if "home_sitesettingstranslation" in q["sql"]]


def test_site_texts_are_remembered_and_a_saved_translation_shows_at_once(
    client, site_settings, user
):
    """Signed-in pages remember the reader's row until something is published or a
    translation is saved: no query for it once warm, in any language."""
    client.force_login(user)  # past the page cache
    assert translation_queries(client, "/ar/about/") == []
    assert translation_queries(client, "/about/") == []
    translation = site_settings.translations.get()
    translation.footer_text = "تذييل كتبه المحرر الآن"
    translation.save()
    assert "<p>تذييل كتبه المحرر الآن</p>" in client.get("/ar/about/").content.decode()
    SiteSettingsTranslation.objects.create(
        settings=site_settings, language_code="fa", footer_text="پانویس تازه"
    )
    assert "<p>پانویس تازه</p>" in client.get("/fa/about/").content.decode()
