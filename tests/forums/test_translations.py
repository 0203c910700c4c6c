"""Forum names and descriptions in the reader's language, English where not translated."""

import pytest
from django.core.cache import cache
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from forums.models import Forum, ForumTranslation
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.forums.test_admin import FORUMS

ENGLISH = ' lang="en" dir="ltr"'


@pytest.fixture
def arabic_forum(open_forum):
    open_forum.description = "What gets in the way, and what teams did about it."
    open_forum.save()
    ForumTranslation.objects.create(
        forum=open_forum,
        language_code="ar",
        name="العوائق والحلول",
        description="ما الذي يعيق الممارسة، وما الذي فعلته الفرق حياله.",
    )
    return open_forum


def test_arabic_reader_sees_the_arabic_name_and_description(client, arabic_forum):
    html = client.get("/ar/forums/").content.decode()
    assert '<a href="/ar/forums/barriers/">العوائق والحلول</a>' in html
    assert '<span class="forum-meta">ما الذي يعيق الممارسة' in html
    assert "Barriers and solutions" not in html
    detail = client.get("/ar/forums/barriers/").content.decode()
    assert "<h1>العوائق والحلول</h1>" in detail


def test_topic_breadcrumb_names_the_forum_in_arabic(client, arabic_forum, user):
    topic = make_topic(arabic_forum, user, title="Supervision time")
    html = client.get(f"/ar{topic.get_absolute_url()}").content.decode()
    assert "<bdi>العوائق والحلول</bdi>" in html


def test_untranslated_forum_is_english_and_marked_so(client, arabic_forum):
    html = client.get("/ur/forums/").content.decode()
    assert f'<a href="/ur/forums/barriers/"{ENGLISH}>Barriers and solutions</a>' in html
    assert f'<span class="forum-meta"{ENGLISH}>What gets in the way' in html
    assert (
        f"<h1{ENGLISH}>Barriers and solutions</h1>"
        in client.get("/ur/forums/barriers/").content.decode()
    )


def test_blank_translated_description_falls_back_to_english(client, arabic_forum):
    ForumTranslation.objects.filter(language_code="ar").update(description="")
    html = client.get("/ar/forums/").content.decode()
    assert '<a href="/ar/forums/barriers/">العوائق والحلول</a>' in html
    assert f'<span class="forum-meta"{ENGLISH}>What gets in the way' in html


def test_english_reader_keeps_the_english_name(client, arabic_forum):
    html = client.get("/forums/").content.decode()
    assert '<a href="/forums/barriers/">Barriers and solutions</a>' in html


def test_one_translation_per_language(arabic_forum):
    with pytest.raises(IntegrityError):
        ForumTranslation.objects.create(forum=arabic_forum, language_code="ar", name="مكرر")


def count_queries(client, url):
    """The render's queries: per-process caches warm, the anonymous page cache empty."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_arabic_forum_list_costs_one_query_more_than_english_at_any_size(
    client, arabic_forum, user
):
    make_topic(arabic_forum, user)
    english = count_queries(client, "/forums/")
    few = count_queries(client, "/ar/forums/")
    assert few == english + 1  # every forum's Arabic row at once (the footer's is remembered)
    for number in range(10):
        forum = Forum.objects.create(name=f"Forum {number}", slug=f"f{number}", scope="public")
        ForumTranslation.objects.create(forum=forum, language_code="ar", name=f"منتدى {number}")
        make_topic(forum, UserFactory(), title=f"In {number}", replies=2)
    assert count_queries(client, "/ar/forums/") == few


def test_editor_adds_a_translation_in_the_forum_admin(client, editor, open_forum):
    client.force_login(editor)
    response = client.post(
        f"{FORUMS}edit/{open_forum.pk}/",
        {
            "name": open_forum.name,
            "slug": open_forum.slug,
            "description": "",
            "scope": open_forum.scope,
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "0",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
            "translations-0-language_code": "fa",
            "translations-0-name": "موانع و راه‌حل‌ها",
            "translations-0-description": "",
            "translations-0-ORDER": "",
            "translations-0-id": "",
            "translations-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert open_forum.translations.get().language_code == "fa"
    assert "موانع و راه‌حل‌ها" in client.get("/fa/forums/").content.decode()


def test_dashboard_names_the_forum_in_arabic(client, arabic_forum, user, member):
    make_topic(arabic_forum, user, title="Supervision rota")
    client.force_login(member)
    html = client.get("/ar/dashboard/").content.decode()
    assert "(<bdi>العوائق والحلول</bdi>:" in html
    english = client.get("/ur/dashboard/").content.decode()
    assert f"(<bdi{ENGLISH}>Barriers and solutions</bdi>:" in english


def test_search_results_name_the_forum_in_arabic(client, arabic_forum, user):
    make_topic(arabic_forum, user, title="Supervision rota", body="Protected supervision time")
    html = client.get("/ar/forums/?q=supervision").content.decode()
    assert '<span class="forum-meta"><bdi>العوائق والحلول</bdi> · ' in html
    html = client.get("/ur/forums/?q=supervision").content.decode()
    assert f'<span class="forum-meta"><bdi{ENGLISH}>Barriers and solutions</bdi> · ' in html
