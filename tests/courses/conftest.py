import pytest

from courses.choices import EnrolmentRole, EnrolmentStatus
from tests.courses.factories import enrol, make_course, make_index, modules_of
from tests.factories import UserFactory


@pytest.fixture
def course_index(home_page):
    return make_index(home_page)


@pytest.fixture
def course(course_index):
    """Open course: module 1 (open preview) → module 2 → module 3 (members only), one
    three-day workshop in Amman."""
    return make_course(course_index)


@pytest.fixture
def modules(course):
    return modules_of(course)


@pytest.fixture
def participant(course):
    learner = UserFactory(username="learner1", display_name="Bilal Learner")
    enrol(learner, course)
    return learner


@pytest.fixture
def facilitator(course):
    person = UserFactory(username="facilitator1", display_name="Samira Facilitator")
    enrol(person, course, role=EnrolmentRole.FACILITATOR)
    return person


@pytest.fixture
def withdrawn(course):
    person = UserFactory(username="withdrawn1")
    enrol(person, course, status=EnrolmentStatus.WITHDRAWN)
    return person


@pytest.fixture
def stranger(db):
    """Signed in, but not a member of the course."""
    return UserFactory(username="stranger1")
