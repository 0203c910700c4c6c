"""Topic counters, positions and duplicate guards of forums.posting."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from forums import posting
from forums.models import Post, Subscription, Topic
from tests.factories import UserFactory
from tests.forums.factories import make_topic


def assert_counters_match(topic):
    topic.refresh_from_db()
    visible = topic.posts.filter(hidden=False, deleted=False).order_by("position")
    assert topic.post_count == visible.count()
    assert topic.last_position == topic.posts.count()
    assert list(topic.posts.values_list("position", flat=True)) == list(
        range(1, topic.last_position + 1)
    )
    last = visible.last()
    assert topic.last_poster_id == (last.author_id if last else None)
    if last:
        assert topic.last_post_at == last.created


def test_start_topic_makes_first_post_and_subscribes_author(open_forum, user):
    topic, created = posting.start_topic(open_forum, user, "Title", "Body")
    assert created
    assert topic.posts.get().position == 1
    assert Subscription.objects.filter(user=user, topic=topic).exists()
    assert_counters_match(topic)


def test_replies_number_positions_and_keep_counters(topic, member):
    for number in range(3):
        posting.reply(topic, member, f"Reply {number}")
    assert_counters_match(topic)
    assert topic.post_count == 4
    assert topic.last_poster == member


def test_same_body_twice_within_the_window_makes_one_post(topic, member):
    first, created = posting.reply(topic, member, "Same words")
    again, created_again = posting.reply(topic, member, "Same words\n")
    assert created and not created_again
    assert first.pk == again.pk
    later = timezone.now() + timedelta(minutes=1)
    _post, created_later = posting.reply(topic, member, "Same words", now=later)
    assert created_later  # after the window it is a new post
    assert_counters_match(topic)


def test_same_title_twice_makes_one_topic(open_forum, user):
    first, _ = posting.start_topic(open_forum, user, "Double click", "Body")
    second, created = posting.start_topic(open_forum, user, "Double click", "Body")
    assert not created and first.pk == second.pk
    assert Topic.objects.count() == 1


def test_hide_delete_restore_recount(topic, member):
    post, _ = posting.reply(topic, member, "Mine")
    posting.set_post_flags(post, hidden=True)
    assert_counters_match(topic)
    assert topic.post_count == 1
    posting.set_post_flags(post, hidden=False)
    posting.set_post_flags(post, deleted=True)
    assert_counters_match(topic)
    posting.set_post_flags(post, deleted=False)
    assert_counters_match(topic)
    assert topic.last_poster == member


def test_reply_to_a_locked_topic_is_refused_inside_the_lock(topic, member):
    Topic.objects.filter(pk=topic.pk).update(locked=True)  # locked after the page loaded
    with pytest.raises(posting.TopicLocked):
        posting.reply(topic, member, "Too late")
    assert topic.posts.count() == 1


def test_edit_rerenders_and_counts(topic):
    post = topic.posts.get()
    posting.edit_post(post, "**new**")
    post.refresh_from_db()
    assert post.body_html == "<p><strong>new</strong></p>"
    assert post.edit_count == 1 and post.edited_at


@pytest.mark.django_db(transaction=True)
def test_two_identical_replies_at_the_same_moment_make_one_post(open_forum):
    """Real threads, real transactions: the topic lock (or SQLite's BEGIN IMMEDIATE)
    serialises them, and the second sees the first.

    SQLite's in-memory test database is shared-cache, where a second writer gets
    "table is locked" at once instead of waiting out the busy timeout as it does on the
    real file database; the retry below plays the busy timeout's part."""
    author = UserFactory(username="racer")
    topic = make_topic(open_forum, author, title="Race")
    barrier = threading.Barrier(4)
    errors = []

    def reply_waiting_while_busy():
        for _attempt in range(500):
            try:
                return posting.reply(topic, author, "At the same moment")
            except OperationalError as error:
                if "locked" not in str(error):
                    raise
                time.sleep(0.005)
        raise AssertionError("the database stayed locked")

    def send():
        try:
            barrier.wait()
            reply_waiting_while_busy()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Post.objects.filter(topic=topic, body="At the same moment").count() == 1
    assert_counters_match(topic)
