"""A course is the whole course in every language: its programme, progress, "continue"
and next session are the same under /ar/, /fa/ and /ur/ as in English, whether the
course, some of its modules or nothing of it is translated. Untranslated items appear in
English, marked `lang="en" dir="ltr"`."""

import re

import pytest
from django.core.management import call_command

from courses.demo import COURSE_SLUG
from courses.models import CoursePage

LANGUAGES = ["en", "ar", "fa", "ur"]


def programme(html):
    """The links of the programme's cards, in order (none for a course that shows only
    its timeline until its programme is published)."""
    if 'id="programme-heading"' not in html:
        return []
    section = html.split('id="programme-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<h3 class="module-card__title"><a href="([^"]+)"', section)


def prefixed(language, url):
    return url if language == "en" else f"/{language}{url}"


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True)
    return CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="en")


def slugs(links):
    return [link.rstrip("/").rsplit("/", 1)[-1] for link in links]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_course_lists_the_english_programme_in_every_language(client, demo, language):
    for course in CoursePage.objects.filter(locale__language_code="en").live():
        english = programme(client.get(course.url).content.decode())
        response = client.get(prefixed(language, course.url))
        assert response.status_code == 200
        assert slugs(programme(response.content.decode())) == slugs(english)


def test_the_arabic_demo_course_marks_its_english_items_and_keeps_the_next_session(client, demo):
    arabic = demo.get_translation(demo.locale.__class__.objects.get(language_code="ar"))
    html = client.get(arabic.url).content.decode()
    links = programme(html)
    assert len(links) == 9 and all(link.startswith("/ar/") for link in links)
    section = html.split('id="programme-heading"', 1)[1]
    # Only the translated first module is Arabic; the other eight are marked English.
    assert section.count('lang="en" dir="ltr"') >= 8
    assert 'id="next-session-heading"' in html


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_progress_and_continue_are_the_same_course_in_every_language(client, demo, language):
    from courses.progress import progress_for
    from home.models import User

    learner = User.objects.get(username="learner")
    english = progress_for(learner, [demo])[demo.pk]
    course = (
        demo.get_translation_or_none(demo.locale.__class__.objects.get(language_code=language))
        or demo
    )
    other = progress_for(learner, [course])[course.pk]
    assert (other.total, other.done) == (english.total, english.done)
    keys = [state.module.translation_key for state in other.states]
    assert keys == [state.module.translation_key for state in english.states]
    assert other.next_state.module.translation_key == english.next_state.module.translation_key
