"""A person's role and job title are two phrases that may be in different scripts
("ميسّر" and "Clinical lead"): each is isolated in <bdi>, joined by the language's own
list separator ("،" in Arabic, Persian and Urdu)."""

import pytest

from courses.models import CoursePerson
from home.models import Person


@pytest.fixture
def person_on_course(course):
    person = Person.objects.create(name="Dr Samira Haddad", job_title="Clinical lead")
    CoursePerson.objects.create(page=course, person=person, role="facilitator")
    return person


@pytest.mark.parametrize(
    ("prefix", "separator"), [("", ", "), ("/ar", "، "), ("/fa", "، "), ("/ur", "، ")]
)
def test_role_and_job_title_are_isolated_and_joined_by_the_languages_separator(
    client, course, person_on_course, prefix, separator
):
    html = client.get(f"{prefix}{course.url}").content.decode()
    line = html.split('class="person__role">', 1)[1].split("</span>", 1)[0]
    role, title = line.split(separator)
    assert role.startswith("<bdi>") and role.endswith("</bdi>")
    # An untranslated job title is marked English inside a right-to-left page.
    marked = ' lang="en" dir="ltr"' if prefix else ""
    assert title == f"<bdi{marked}>Clinical lead</bdi>"
