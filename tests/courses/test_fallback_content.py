"""A page with no translation, shown under /ar/, /fa/ or /ur/, marks its own content
(title, introduction, body, agenda) as English, left to right, so that its punctuation
lands on the right side; the site's translated labels around it are left alone."""

import re

import pytest

from courses.models import ModulePage
from tests.courses.factories import make_course, make_index

ENGLISH = 'lang="en" dir="ltr"'


@pytest.fixture
def course(home_page):
    return make_course(make_index(home_page), modules=1, workshops=1)


def tag(html, name, css_class=None):
    pattern = rf"<{name}\b[^>]*class=\"{css_class}\"[^>]*>" if css_class else rf"<{name}\b[^>]*>"
    return re.search(pattern, html.split('id="main-content"', 1)[1]).group(0)


@pytest.mark.parametrize("prefix", ["/ar", "/fa", "/ur"])
def test_an_untranslated_course_page_marks_its_content_english(client, course, prefix):
    html = client.get(prefix + course.url).content.decode()
    assert ENGLISH in tag(html, "h1") and ENGLISH in tag(html, "p", "lead")
    assert ENGLISH not in tag(html, "h2")  # "Programme" is the site's own, translated


@pytest.mark.parametrize("prefix", ["/ar", "/ur"])
def test_an_untranslated_module_marks_its_title_summary_and_body(client, course, prefix):
    module = ModulePage.objects.child_of(course).get()
    html = client.get(prefix + module.url).content.decode()
    assert ENGLISH in tag(html, "h1") and ENGLISH in tag(html, "p", "lead")
    assert ENGLISH in tag(html, "div", "prose module-body")


def test_the_english_page_in_english_is_not_marked(client, course):
    html = client.get(course.url).content.decode()
    assert ENGLISH not in tag(html, "h1")
