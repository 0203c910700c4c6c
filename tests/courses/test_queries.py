"""The course page, module page, course index and dashboard cost the same number of
queries with 6 modules as with 60 (and with more workshops, courses and enrolments)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModuleCompletion
from tests.courses.factories import enrol, make_course, modules_of
from tests.factories import UserFactory


def queries_for(client, url):
    client.get(url)  # warm up: first visits create rows (calendar token)
    cache.clear()  # measure rendering, not the anonymous page cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def build(course_index, slug, modules, workshops, learner, done):
    course = make_course(course_index, slug=slug, modules=modules, workshops=workshops)
    enrol(learner, course)
    for other in range(3 if modules > 6 else 1):
        enrol(UserFactory(username=f"{slug}-member-{other}"), course)
    for module in modules_of(course)[:done]:
        ModuleCompletion.objects.create(user=learner, module=module)
    return course


@pytest.fixture
def small_and_large(course_index):
    small_learner = UserFactory(username="small")
    large_learner = UserFactory(username="large")
    small = build(course_index, "small", 6, 2, small_learner, 2)
    large = build(course_index, "large", 60, 20, large_learner, 30)
    # The large learner also follows two more courses: more enrolments, same queries.
    for slug in ("large-b", "large-c"):
        build(course_index, slug, 12, 3, large_learner, 4)
    return (small, small_learner), (large, large_learner)


def test_course_module_and_dashboard_queries_do_not_grow(client, small_and_large):
    pages = {
        "course page, visitor": lambda course: course.url,
        "course page": lambda course: course.url,
        "module page": lambda course: modules_of(course)[4].url,
        "dashboard": lambda course: "/dashboard/",
    }
    for name, url in pages.items():
        counts = []
        for course, learner in small_and_large:
            client.logout()
            if name != "course page, visitor":
                client.force_login(learner)
            counts.append(queries_for(client, url(course)))
        assert counts[0] == counts[1], name


def test_course_index_queries_do_not_grow(client, course_index):
    learner = UserFactory(username="learner")
    build(course_index, "first", 6, 2, learner, 2)
    client.force_login(learner)
    small = queries_for(client, "/courses/")
    build(course_index, "big", 60, 20, learner, 10)
    for number in range(6):
        make_course(course_index, slug=f"extra-{number}", modules=6)
    assert queries_for(client, "/courses/") == small


# Issue 21's budgets for a signed-in learner, the layout (header, notifications) included.
SIGNED_IN_BUDGETS = {"course page": 10, "module page": 10}


def signed_in_queries(client, url):
    client.get(url)  # warm up: what every reader shares is remembered until a publish
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_signed_in_course_and_module_pages_keep_to_their_budget(client, small_and_large):
    for course, learner in small_and_large:
        client.force_login(learner)
        pages = {"course page": course.url, "module page": modules_of(course)[4].url}
        for name, url in pages.items():
            for prefix in ("", "/ar"):  # routed and remembered per language
                count = signed_in_queries(client, prefix + url)
                assert count <= SIGNED_IN_BUDGETS[name], (name, course.slug, prefix, count)
