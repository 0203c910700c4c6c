import pytest

from courses.choices import EnrolmentStatus
from courses.models import Certificate
from roster.models import RosterEntry, RosterLanguage
from tests.courses import conftest as courses_fixtures
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory

course_index = courses_fixtures.course_index
course = courses_fixtures.course


def certified(course, username, **fields):
    user = UserFactory(username=username, **fields)
    enrolment = enrol(user, course, status=EnrolmentStatus.COMPLETED)
    Certificate.objects.create(enrolment=enrolment)
    return user


def listed(user, country="Pakistan", city="Karachi", languages=("ur", "en"), **fields):
    entry = RosterEntry.objects.create(
        user=user,
        name=fields.pop("name", user.get_full_name()),
        organisation=fields.pop("organisation", "Lady Health Worker Programme"),
        city=city,
        country=country,
        **fields,
    )
    RosterLanguage.objects.bulk_create(RosterLanguage(entry=entry, language=c) for c in languages)
    return entry


@pytest.fixture
def other_course(course_index):
    return make_course(course_index, slug="perinatal", title="Perinatal mental health", workshops=0)


@pytest.fixture
def clinician(course):
    return certified(course, "clinician1", display_name="Sana Clinician")
