import pytest
from django.core.cache import caches
from wagtail import hooks
from wagtail.models import Page

from forums.choices import Scope
from forums.models import Forum
from tests.factories import UserFactory
from tests.forums.factories import make_topic


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; ids repeat between tests."""
    caches["state"].clear()
    yield
    caches["state"].clear()


@pytest.fixture
def open_forum(db):
    return Forum.objects.create(
        name="Barriers and solutions", slug="barriers", scope=Scope.PUBLIC, position=1
    )


@pytest.fixture
def members_forum(db):
    return Forum.objects.create(name="Members", slug="members", scope=Scope.MEMBERS, position=2)


@pytest.fixture
def topic(open_forum, user):
    return make_topic(open_forum, user, title="Protecting supervision time", body="First post")


class CourseRules:
    """A stand-in for the courses app: who takes part in and facilitates which page,
    answered through the forums_can_* hooks."""

    def __init__(self):
        self.members = {}
        self.facilitators = {}

    def view(self, user, page):
        if user.pk in self.members.get(page.pk, set()) | self.facilitators.get(page.pk, set()):
            return True
        return None

    def post(self, user, page):
        return self.view(user, page)

    def moderate(self, user, page):
        return True if user.pk in self.facilitators.get(page.pk, ()) else None


@pytest.fixture
def course_rules():
    rules = CourseRules()
    with hooks.register_temporarily(
        [
            ("forums_can_view", rules.view),
            ("forums_can_post", rules.post),
            ("forums_can_moderate", rules.moderate),
        ]
    ):
        yield rules


@pytest.fixture
def course_a(home_page):
    return home_page.add_child(instance=Page(title="Course A", slug="course-a"))


@pytest.fixture
def course_b(home_page):
    return home_page.add_child(instance=Page(title="Course B", slug="course-b"))


@pytest.fixture
def forum_a(course_a):
    return Forum.objects.create(
        name="Course A forum", slug="course-a", scope=Scope.PAGE, page=course_a
    )


@pytest.fixture
def forum_b(course_b):
    return Forum.objects.create(
        name="Course B forum", slug="course-b", scope=Scope.PAGE, page=course_b
    )


@pytest.fixture
def member(db):
    return UserFactory(username="member", display_name="Maryam Member")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider", display_name="Omar Outsider")


@pytest.fixture
def facilitator_a(db):
    return UserFactory(username="fac-a", display_name="Farah Facilitator")
