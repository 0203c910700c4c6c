"""A signed-in reader's repeat view comes from their own copy (home/reader_cache.py), and
that copy is never shown after anything changed, to anyone else, or with a message."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection, connections, transaction
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import writes
from core.caching import scope_generations
from core.writes import SCOPE
from courses.models import ModuleCompletion
from forums import posting
from forums.choices import Scope
from forums.models import Forum, Post
from home.models import User
from tests.courses.factories import enrol, make_course, make_index, modules_of
from tests.factories import UserFactory
from tests.forums.factories import make_topic

PREFIXES = ["", "/ar", "/fa", "/ur"]


@pytest.fixture(autouse=True)
def reader_copies_on(settings):
    settings.READER_CACHE_SECONDS = 60


@pytest.fixture
def course(home_page):
    return make_course(make_index(home_page), modules=2, workshops=0, chain=False)


@pytest.fixture
def learner(course):
    person = UserFactory(username="returning", display_name="Rania Returning")
    enrol(person, course)
    return person


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def was_a_copy(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries) <= 1


def served_from_copy(client, url, django_assert_max_num_queries):
    """A view after one that wrote nothing costs the reader's own row and nothing else."""
    client.get(url)
    first = client.get(url)
    with django_assert_max_num_queries(1):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    return second


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_repeat_view_is_served_from_the_readers_copy(
    course, learner, prefix, django_assert_max_num_queries
):
    client = signed_in(learner)
    for url in [course.url, modules_of(course)[0].url, "/dashboard/"]:
        response = served_from_copy(client, prefix + url, django_assert_max_num_queries)
        assert "private" in response["Cache-Control"]


def test_another_reader_or_another_session_never_gets_the_copy(course, learner):
    other = UserFactory(username="other", display_name="Omid Other")
    enrol(other, course)
    mine = signed_in(learner)
    assert "Rania Returning" in mine.get("/dashboard/").content.decode()
    theirs = signed_in(other).get("/dashboard/").content.decode()
    assert "Omid Other" in theirs
    assert "Rania Returning" not in theirs
    # The same person in a second browser renders their own copy.
    second_browser = signed_in(learner).get("/dashboard/")
    assert second_browser.wsgi_request.session.session_key != mine.session.session_key
    assert "Rania Returning" in second_browser.content.decode()


def test_a_completed_module_shows_on_the_next_view(course, learner):
    client = signed_in(learner)
    module = modules_of(course)[0]
    assert "<bdi>0</bdi> of <bdi>2</bdi> modules" in client.get(course.url).content.decode()
    ModuleCompletion.objects.create(user=learner, module=module)
    assert "<bdi>1</bdi> of <bdi>2</bdi> modules" in client.get(course.url).content.decode()


def test_a_change_made_without_signals_shows_on_the_next_view(course, learner):
    """QuerySet.update() sends no signal; the write itself moves the copies on."""
    client = signed_in(learner)
    assert "Rania Returning" in client.get("/dashboard/").content.decode()
    User.objects.filter(pk=learner.pk).update(display_name="Rania Renamed")
    assert "Rania Renamed" in client.get("/dashboard/").content.decode()


def test_someone_elses_reply_and_a_published_page_show_on_the_next_view(home_page, learner):
    forum = Forum.objects.create(name="Open", slug="open", scope=Scope.PUBLIC, position=1)
    topic = make_topic(forum, UserFactory(username="author"), body="First post")
    client = signed_in(learner)
    assert "A reply written just now" not in client.get(topic.get_absolute_url()).content.decode()
    client.get(topic.get_absolute_url())
    posting.reply(topic, UserFactory(username="replier"), "A reply written just now")
    assert "A reply written just now" in client.get(topic.get_absolute_url()).content.decode()
    home_page.title = "Welcome, renamed"
    home_page.save_revision().publish()
    assert "Welcome, renamed" in client.get("/").content.decode()


def test_a_message_is_shown_once_and_its_page_never_kept(course, learner):
    client = signed_in(learner)
    module = modules_of(course)[0]
    client.get(module.url)
    response = client.post(f"{course.url}complete/", {"module": module.pk}, follow=True)
    assert "is complete" in response.content.decode()
    assert "is complete" not in client.get(module.url).content.decode()


def waiting_message():
    return [Message(constants.INFO, "A message waiting for its page")]


def test_a_message_waiting_in_its_cookie_is_shown_not_a_kept_copy(course, learner):
    client = signed_in(learner)
    client.get(course.url)
    client.get(course.url)  # kept
    client.cookies["messages"] = CookieStorage(HttpRequest())._encode(waiting_message())
    assert "A message waiting for its page" in client.get(course.url).content.decode()


def test_an_undeclared_query_string_is_answered_but_never_stored(course, learner):
    client = signed_in(learner)
    assert client.get(f"{course.url}?cb=1").status_code == 200
    assert not was_a_copy(client, f"{course.url}?cb=1")


def test_a_topics_later_page_is_kept_and_an_unused_query_is_not(
    home_page, learner, django_assert_max_num_queries
):
    forum = Forum.objects.create(name="Open", slug="open", scope=Scope.PUBLIC, position=1)
    topic = make_topic(forum, learner, replies=30)
    client = signed_in(learner)
    served_from_copy(client, f"{topic.get_absolute_url()}?page=2", django_assert_max_num_queries)
    client.get(f"{topic.get_absolute_url()}?page=2&cb=1")
    assert not was_a_copy(client, f"{topic.get_absolute_url()}?page=2&cb=1")


def test_a_confirmation_page_with_its_form_is_never_kept(course, learner):
    client = signed_in(learner)
    url = f"{course.url}withdraw/"
    client.get(url)
    assert "no-store" in client.get(url)["Cache-Control"]
    assert not was_a_copy(client, url)


def test_nothing_is_kept_when_the_copies_are_off(course, learner, settings):
    settings.READER_CACHE_SECONDS = 0
    client = signed_in(learner)
    client.get(course.url)
    assert not was_a_copy(client, course.url)


def test_a_view_that_wrote_is_not_kept(course, learner):
    """The first dashboard view creates the reader's calendar address."""
    client = signed_in(learner)
    client.get("/dashboard/")
    assert not was_a_copy(client, "/dashboard/")
    assert was_a_copy(client, "/dashboard/")


@pytest.mark.django_db(transaction=True)
def test_a_write_moves_the_scope_now_and_again_on_commit():
    learner = UserFactory(username="writer")
    before = scope_generations([SCOPE])[SCOPE]
    with transaction.atomic():
        User.objects.filter(pk=learner.pk).update(display_name="Changed")
        during = scope_generations([SCOPE])[SCOPE]
        Post.objects.filter(pk=0).delete()  # a second write: still one bump on commit
        assert len(connection.run_on_commit) == 1
    assert during != before
    assert scope_generations([SCOPE])[SCOPE] != during


def test_session_rows_and_reads_move_nothing(course, learner):
    client = signed_in(learner)
    before = scope_generations([SCOPE])[SCOPE]
    client.session.save()  # a session row written
    client.get(course.url)
    client.get(course.url)
    assert scope_generations([SCOPE])[SCOPE] == before


def test_every_new_connection_watches_its_writes_once(db):
    fresh = connections.create_connection("default")
    try:
        fresh.ensure_connection()  # sends connection_created
        assert fresh.execute_wrappers.count(writes.watch_writes) == 1
        writes.watch(None, fresh)
        assert fresh.execute_wrappers.count(writes.watch_writes) == 1
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("sql", "moves"),
    [
        ('UPDATE "home_user" SET "display_name" = %s', True),
        ("  delete from forums_post where id = 1", True),  # raw SQL, as typed
        ('INSERT INTO "courses_modulecompletion" ("user_id") VALUES (%s)', True),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('SELECT "home_user"."id" FROM "home_user"', False),
        ("BEGIN IMMEDIATE", False),
    ],
)
def test_which_statements_are_writes(sql, moves):
    assert writes.is_write(sql) is moves
