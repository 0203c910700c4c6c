import pytest
from django.utils import translation
from wagtail.models import Locale

from home.models import StandardPage


def arabic_notice():
    with translation.override("ar"):
        return translation.gettext(
            "This page is not translated yet, so it is shown in its original language."
        )


@pytest.fixture
def about_page(home_page):
    return home_page.add_child(
        instance=StandardPage(title="About us", slug="about", intro="Who we are")
    )


@pytest.fixture
def arabic_about(about_page):
    """The Arabic home and about pages, as an editor makes them with “Translate”."""
    arabic = Locale.objects.get(language_code="ar")
    about_page.get_parent().specific.copy_for_translation(arabic).save_revision().publish()
    page = about_page.copy_for_translation(arabic)
    page.title = "من نحن"
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [("", "en", "ltr"), ("/ar", "ar", "rtl"), ("/fa", "fa", "rtl"), ("/ur", "ur", "rtl")],
)
def test_each_language_sets_lang_and_dir(client, about_page, prefix, lang, direction):
    response = client.get(f"{prefix}/about/")
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_untranslated_page_falls_back_to_english_with_a_notice(client, about_page):
    html = client.get("/ar/about/").content.decode()
    assert '<h1 lang="en" dir="ltr">About us</h1>' in html  # marked as English
    assert arabic_notice() in html


def test_translated_page_is_served_in_its_language_without_notice(client, arabic_about):
    html = client.get("/ar/about/").content.decode()
    assert "<h1>من نحن</h1>" in html
    assert arabic_notice() not in html
    assert "<h1>About us</h1>" in client.get("/about/").content.decode()


def test_switcher_keeps_the_visitor_on_the_same_page(client, arabic_about, about_page):
    response = client.get(
        "/language/", {"language": "ar", "next": "/about/", "page": about_page.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/about/"
    back = client.get(
        "/language/", {"language": "en", "next": "/ar/about/", "page": arabic_about.pk}
    )
    assert back["Location"] == "/about/"


def test_switcher_on_a_non_page_view_swaps_the_prefix(client, home_page):
    response = client.get("/language/", {"language": "fa", "next": "/accounts/login/"})
    assert response["Location"] == "/fa/accounts/login/"
    assert client.cookies["django_language"].value == "fa"


def test_switcher_remembers_a_signed_in_users_choice(client, user, about_page):
    client.force_login(user)
    client.get("/language/", {"language": "ur", "next": "/about/"})
    user.refresh_from_db()
    assert user.preferred_language == "ur"


@pytest.mark.parametrize(
    "data",
    [{"language": "xx", "next": "/"}, {"next": "/"}, {"language": "<script>", "next": "/"}],
)
def test_switcher_refuses_unknown_languages(client, db, data):
    assert client.get("/language/", data).status_code == 400


def test_switcher_never_redirects_off_site(client, home_page):
    response = client.get("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_switcher_refuses_posts(client, db):
    assert client.post("/language/", {"language": "ar"}).status_code == 405


def test_every_page_links_to_itself_in_each_language(client, about_page):
    html = client.get("/about/").content.decode()
    for code in ("en", "ar", "fa", "ur"):
        assert f"/language/?language={code}&amp;next=%2Fabout%2F&amp;page={about_page.pk}" in html
    assert "csrfmiddlewaretoken" not in html


def test_signed_in_users_preferred_language_applies_to_unprefixed_urls(client, user, about_page):
    user.preferred_language = "ar"
    user.save()
    client.force_login(user)
    response = client.get("/about/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/about/"


def test_browser_language_applies_to_anonymous_visitors(client, about_page):
    response = client.get("/about/", headers={"accept-language": "fa,en;q=0.5"})
    assert response["Location"] == "/fa/about/"
    assert "Accept-Language" in response["Vary"]


def test_an_explicit_choice_of_english_beats_the_browser_language(client, about_page):
    client.cookies["django_language"] = "en"
    response = client.get("/about/", headers={"accept-language": "ar"})
    assert response.status_code == 200


def test_posts_and_paths_outside_the_languages_are_never_redirected(client, user):
    user.preferred_language = "ar"
    user.save()
    client.force_login(user)
    assert client.get("/healthz").status_code == 200
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.post("/accounts/logout/")["Location"] == "/"


@pytest.mark.parametrize("language", ["ar", "fa", "ur"])
def test_interface_is_translated(client, home_page, language):
    with translation.override(language):
        courses = translation.gettext("Courses")
        skip = translation.gettext("Skip to main content")
    assert courses != "Courses"
    html = client.get(f"/{language}/").content.decode()
    assert courses in html
    assert skip in html


def test_an_editor_translates_a_page_from_the_admin(client, editor, about_page):
    client.force_login(editor)
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(
        f"/admin/translation/submit/page/{about_page.get_parent().pk}/",
        {"locales": [arabic.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    draft = about_page.get_translation(arabic)
    assert draft.title == "About us"  # copied for the editor to translate, then publish
