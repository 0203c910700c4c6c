"""People's job titles are translatable: an Arabic course page shows a facilitator's
Arabic title where an editor translated it, and the English one, marked, where not."""

import pytest
from wagtail.models import Locale

from courses.models import CoursePerson
from home.models import Person
from tests.courses.factories import make_course, make_index


@pytest.fixture
def course(home_page):
    course = make_course(make_index(home_page), slug="running", modules=0, workshops=0)
    samira = Person.objects.create(name="Dr Samira Haddad", job_title="Clinical lead")
    arabic = samira.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.job_title = "مسؤولة سريرية"
    arabic.save()
    farhan = Person.objects.create(name="Dr Farhan Qureshi", job_title="Researcher")
    for person in (samira, farhan):
        CoursePerson.objects.create(page=course, person=person)
    return course


def test_an_arabic_course_page_shows_translated_job_titles_and_marks_the_rest(client, course):
    html = client.get("/ar/courses/running/").content.decode()
    assert "<bdi>مسؤولة سريرية</bdi>" in html and "Clinical lead" not in html
    assert '<bdi lang="en" dir="ltr">Researcher</bdi>' in html


def test_the_english_page_keeps_the_english_titles(client, course):
    html = client.get("/courses/running/").content.decode()
    assert "<bdi>Clinical lead</bdi>" in html
