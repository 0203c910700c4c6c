"""A course and its translations are one course: progress, enrolment and the forum are
shared between the English original and, say, its Arabic copy."""

import pytest
from wagtail.models import Locale

from courses.course_forums import ensure_course_forum
from courses.models import Enrolment, ModuleCompletion
from courses.progress import progress_for


@pytest.fixture
def arabic(course, modules):
    """Arabic copies of the course and its modules, as an editor makes them."""
    locale = Locale.objects.get(language_code="ar")
    copies = {}
    for page in [course, *modules]:
        copy = page.copy_for_translation(locale, copy_parents=True)
        copy.save_revision().publish()
        copies[page.pk] = copy.specific
    return copies


def test_completing_the_arabic_module_completes_the_original(
    client, participant, modules, arabic, course
):
    arabic_course = arabic[course.pk]
    arabic_module = arabic[modules[0].pk]
    client.force_login(participant)
    response = client.post(arabic_course.url + "complete/", {"module": arabic_module.pk})
    assert response.status_code == 302
    assert ModuleCompletion.objects.get().module_id == modules[0].pk
    assert progress_for(participant, [course])[course.pk].done == 1
    assert progress_for(participant, [arabic_course])[arabic_course.pk].done == 1


def test_prerequisites_unlock_across_languages(participant, modules, arabic, course):
    ModuleCompletion.objects.create(user=participant, module=modules[0])
    states = progress_for(participant, [arabic[course.pk]])[arabic[course.pk].pk].states
    assert [state.locked for state in states] == [False, False, True]


def test_enrolling_on_the_translation_enrols_in_the_course(client, stranger, arabic, course):
    client.force_login(stranger)
    client.post(arabic[course.pk].url + "enrol/")
    assert Enrolment.objects.get(user=stranger).course_id == course.pk


def test_members_read_the_translated_members_only_module(client, participant, modules, arabic):
    ModuleCompletion.objects.create(user=participant, module=modules[0])
    ModuleCompletion.objects.create(user=participant, module=modules[1])
    client.force_login(participant)
    html = client.get(arabic[modules[2].pk].url).content.decode()
    assert "Secret body of module 3" in html


def test_translations_share_the_course_forum(course, arabic):
    forum = ensure_course_forum(course)
    assert ensure_course_forum(arabic[course.pk]) == forum
    arabic[course.pk].save_revision().publish()
    assert forum.__class__.objects.count() == 1
