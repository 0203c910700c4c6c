"""Pages cost the same number of queries whatever the number of forums, topics, posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import Forum, Post, Topic
from forums.rendering import render_markdown
from tests.factories import UserFactory
from tests.forums.factories import make_topic


def add_posts(topic, count, authors):
    """Bulk posts with counters kept right, for size."""
    start = topic.last_position
    html = render_markdown("A *reply*")
    Post.objects.bulk_create(
        Post(topic=topic, author=authors[n % len(authors)], position=start + n + 1,
             body="A *reply*", body_html=html, body_hash=str(n))
        for n in range(count)
    )  # fmt: skip
    Topic.objects.filter(pk=topic.pk).update(
        last_position=start + count, post_count=topic.post_count + count
    )
    topic.refresh_from_db()


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, settings) and the read state
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def reader(client, member):
    client.force_login(member)
    return client


def test_topic_page_costs_the_same_at_10_and_1000_posts_first_and_last_page(
    reader, open_forum, user
):
    authors = [UserFactory() for _ in range(5)]
    small = make_topic(open_forum, user, title="Small")
    add_posts(small, 9, authors)
    big = make_topic(open_forum, user, title="Big")
    add_posts(big, 999, authors)
    counts = {
        count_queries(reader, small.get_absolute_url()),
        count_queries(reader, big.get_absolute_url()),
        count_queries(reader, f"{big.get_absolute_url()}?page={big.page_count}"),
    }
    assert len(counts) == 1, counts
    # Issue 21's budget: the user (the session, site, settings and permissions come from
    # the cache); the topic with the reader's read position, follow and draft; posts;
    # reactions; the poll; the header's unread count.
    assert counts.pop() <= 8


def test_topic_list_costs_the_same_at_any_size(reader, open_forum, members_forum, user):
    make_topic(open_forum, user, title="Only one")
    few = count_queries(reader, "/forums/barriers/")
    for number in range(40):
        make_topic(members_forum, UserFactory(), title=f"Topic {number}", replies=1)
    Topic.objects.update(forum=open_forum)
    assert count_queries(reader, "/forums/barriers/") == few
    assert count_queries(reader, "/forums/barriers/?page=2") == few


def test_forum_list_costs_the_same_at_any_size(reader, open_forum, user):
    make_topic(open_forum, user)
    few = count_queries(reader, "/forums/")
    for number in range(10):
        forum = Forum.objects.create(name=f"Forum {number}", slug=f"f{number}", scope="members")
        make_topic(forum, UserFactory(), title=f"In {number}", replies=2)
    assert count_queries(reader, "/forums/") == few
    assert few <= 8  # one of them: the header's unread notification count


def test_search_costs_the_same_at_any_size(reader, open_forum, user):
    make_topic(open_forum, user, body="needle")
    few = count_queries(reader, "/forums/?q=needle")
    for number in range(20):
        make_topic(open_forum, UserFactory(), title=f"T{number}", body=f"needle {number}")
    assert count_queries(reader, "/forums/?q=needle") == few


def test_dashboard_panel_costs_the_same_at_any_size(reader, open_forum, user):
    make_topic(open_forum, user)
    few = count_queries(reader, "/dashboard/")
    for number in range(10):
        make_topic(open_forum, UserFactory(), title=f"T{number}", replies=3)
    assert count_queries(reader, "/dashboard/") == few


def test_topic_page_costs_the_same_with_many_reactions_and_an_answer(reader, open_forum, user):
    from forums import posting
    from forums.models import Reaction

    authors = [UserFactory() for _ in range(5)]
    quiet = make_topic(open_forum, user, title="Quiet")
    add_posts(quiet, 5, authors)
    busy = make_topic(open_forum, user, title="Busy")
    add_posts(busy, 19, authors)
    Reaction.objects.bulk_create(
        Reaction(post=post, user=author, kind=kind)
        for post in busy.posts.all()
        for author in authors
        for kind in ("helpful", "thanks", "plus_one")
    )
    posting.set_question(busy, True)
    posting.accept_answer(busy, busy.posts.get(position=3), by=user)
    assert count_queries(reader, quiet.get_absolute_url()) == count_queries(
        reader, busy.get_absolute_url()
    )


def test_topic_page_costs_the_same_with_a_poll_of_any_size(reader, open_forum, user, member):
    from forums import polls

    authors = [UserFactory() for _ in range(12)]
    small = make_topic(open_forum, user, title="Small poll")
    big = make_topic(open_forum, user, title="Big poll")
    for topic in (small, big):
        polls.create_poll(
            topic, question="Which day?", options=["Mon", "Wed", "Fri"],
            multiple=True, anonymous=False, closes_at=None,
        )  # fmt: skip
    polls.vote(small.poll, member, [small.poll.options.first().pk])
    polls.vote(big.poll, member, [big.poll.options.first().pk])
    for author in authors:
        polls.vote(big.poll, author, list(big.poll.options.values_list("pk", flat=True)))
    assert count_queries(reader, small.get_absolute_url()) == count_queries(
        reader, big.get_absolute_url()
    )
