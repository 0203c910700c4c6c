"""Thematic areas are translatable snippets: an Arabic page shows the Arabic name where
an editor translated it, and the English one, marked English, where nobody has yet."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from courses.models import Theme
from tests.courses.factories import make_course, make_index


@pytest.fixture
def themes(db):
    policy = Theme.objects.create(name="Policy engagement", slug="policy-engagement")
    arabic = policy.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = "إشراك صانعي السياسات"
    arabic.save()
    science = Theme.objects.create(name="Implementation science", slug="implementation-science")
    return policy, science


@pytest.fixture
def course(home_page, themes):
    course = make_course(make_index(home_page), slug="running", title="Running course")
    course.themes = list(themes)
    course.save_revision().publish()
    return course


def test_existing_and_new_themes_belong_to_the_default_locale(themes):
    assert themes[0].locale.language_code == "en"


@pytest.mark.parametrize("url", ["/ar/courses/running/", "/ar/courses/"])
def test_an_arabic_page_shows_translated_themes_and_marks_the_english_fallback(client, course, url):
    html = client.get(url).content.decode()
    assert '<span class="theme">إشراك صانعي السياسات</span>' in html
    assert '<span class="theme" lang="en" dir="ltr">Implementation science</span>' in html
    assert "Policy engagement" not in html.split('class="themes"', 1)[1].split("</p>", 1)[0]


def test_english_pages_show_the_english_names(client, course):
    html = client.get("/courses/running/").content.decode()
    assert '<span class="theme">Policy engagement</span>' in html


def test_the_theme_filter_accepts_a_translated_themes_slug_once(client, course):
    response = client.get("/ar/courses/", {"theme": "policy-engagement"})
    assert response.status_code == 200
    assert "Running course" in response.content.decode()


def queries_for(client, url):
    client.get(url)  # warm what lives in memory (locales)
    caches["default"].clear()  # but not the anonymous page cache, which would answer
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_translating_themes_costs_the_same_for_one_course_as_for_four(client, course):
    one = queries_for(client, "/ar/courses/")
    for number in range(3):
        extra = make_course(course.get_parent(), slug=f"extra-{number}", modules=0, workshops=0)
        extra.themes = list(Theme.objects.filter(locale__language_code="en"))
        extra.save_revision().publish()
    assert queries_for(client, "/ar/courses/") == one
