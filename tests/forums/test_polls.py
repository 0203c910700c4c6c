"""Polls: 2 to 20 options, one vote per person (database), changeable until closed when
named, final and unlinkable when anonymous; moderators close early and the results are
posted; results show after voting or closing."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone, translation

from forums import polls
from forums.models import Poll, PollChoice, PollVoter, Topic
from tests.error_summary import error_summary
from tests.factories import UserFactory
from tests.forums.factories import make_topic


def url(topic, tail=""):
    with translation.override("en"):
        return topic.get_absolute_url() + tail


def poll_topic(forum, author, title="Which day for the monthly call?", **options):
    topic = make_topic(forum, author, title=title)
    settings = {"multiple": False, "anonymous": False, "closes_at": None, **options}
    polls.create_poll(topic, question="Which day?", options=["Monday", "Wednesday"], **settings)
    return Topic.objects.get(pk=topic.pk)


def options(topic):
    return list(topic.poll.options.order_by("position"))


NEW = {"title": "Call day", "body": "Let us decide.", "poll_question": "Which day?"}


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_topic_with_a_poll_of_one_or_100_options_is_refused_and_nothing_written(
    client, open_forum, member, prefix
):
    client.force_login(member)
    for lines in (["Monday"], [f"Day {n}" for n in range(100)]):
        response = client.post(
            prefix + "/forums/barriers/new/", {**NEW, "poll_options": "\n".join(lines)}
        )
        assert response.status_code == 400
        if not prefix:  # the message, in English
            assert "from 2 to 20 different options" in error_summary(response)
    assert not Topic.objects.exists() and not Poll.objects.exists()
    response = client.post("/forums/barriers/new/", {**NEW, "poll_options": "Monday\nWednesday"})
    assert response.status_code == 303
    assert [o.label for o in Topic.objects.get().poll.options.all()] == ["Monday", "Wednesday"]


def test_named_vote_counts_shows_results_and_can_change(client, open_forum, user, member):
    topic = poll_topic(open_forum, user)
    monday, wednesday = options(topic)
    client.force_login(member)
    page = client.get(url(topic)).content.decode()
    assert "Results show once you have voted" in page
    assert client.post(url(topic, "poll/vote/"), {"option": monday.pk}).status_code == 302
    page = client.get(url(topic)).content.decode()
    assert "Change my vote" in page and member.get_full_name() in page
    client.post(url(topic, "poll/vote/"), {"option": wednesday.pk})
    assert list(PollChoice.objects.values_list("option", "user")) == [(wednesday.pk, member.pk)]
    assert PollVoter.objects.count() == 1


def test_bad_votes_are_refused(client, open_forum, user, member):
    topic = poll_topic(open_forum, user)
    monday, wednesday = options(topic)
    other = poll_topic(open_forum, user, title="Another poll")
    client.force_login(member)
    vote = url(topic, "poll/vote/")
    assert client.post(vote, {"option": [monday.pk, wednesday.pk]}).status_code == 400  # single
    assert client.post(vote, {"option": options(other)[0].pk}).status_code == 400  # not this poll
    assert client.post(vote, {"option": "x"}).status_code == 400
    assert client.post(vote, {}).status_code == 400
    Poll.objects.filter(pk=topic.poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert client.post(vote, {"option": monday.pk}).status_code == 400  # closed
    assert not PollChoice.objects.exists() and not PollVoter.objects.exists()


def test_one_vote_per_person_in_the_database(open_forum, user, member):
    topic = poll_topic(open_forum, user)
    PollVoter.objects.create(poll=topic.poll, user=member)
    with pytest.raises(IntegrityError):
        PollVoter.objects.create(poll=topic.poll, user=member)


def test_anonymous_votes_are_final_and_unlinkable(client, open_forum, user):
    topic = poll_topic(open_forum, user, anonymous=True, multiple=True)
    monday, wednesday = options(topic)
    voters = [UserFactory() for _ in range(6)]
    for voter in voters:
        client.force_login(voter)
        assert client.post(url(topic, "poll/vote/"), {"option": [monday.pk]}).status_code == 302
    assert client.post(url(topic, "poll/vote/"), {"option": [wednesday.pk]}).status_code == 400
    choices = list(PollChoice.objects.order_by("pk"))
    assert all(choice.user_id is None for choice in choices)
    assert all(choice.pk < 0 for choice in choices)
    ids = sorted(choice.pk for choice in choices)
    assert all(later - earlier > 1 for earlier, later in zip(ids, ids[1:], strict=False))
    assert not any(field.name in {"created", "voted_at"} for field in PollChoice._meta.fields)
    page = client.get(url(topic)).content.decode()
    assert voters[0].get_full_name() not in page
    assert "6 (100%)" in page


def test_moderator_closes_early_and_the_results_are_posted(
    client, open_forum, user, member, editor
):
    topic = poll_topic(open_forum, user)
    monday, _wednesday = options(topic)
    client.force_login(member)
    client.post(url(topic, "poll/vote/"), {"option": monday.pk})
    assert client.post(url(topic, "poll/close/")).status_code == 403  # not a moderator
    client.force_login(editor)
    assert client.post(url(topic, "poll/close/")).status_code == 302
    results = topic.posts.order_by("-position").first()
    assert "Poll closed: Which day?" in results.body and "Monday: 1" in results.body
    assert client.post(url(topic, "poll/close/")).status_code == 400  # already closed
    client.force_login(UserFactory())
    page = client.get(url(topic)).content.decode()
    assert "Results" in page and "poll/vote/" not in page


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_outsider_and_withdrawn_member_cannot_vote_in_a_course_poll(
    client, course_rules, forum_a, member, outsider, prefix
):
    course_rules.members[forum_a.page_id] = {member.pk}
    topic = poll_topic(forum_a, member)
    monday, _wednesday = options(topic)
    for person in (outsider, member):
        course_rules.members[forum_a.page_id] = set()  # member withdrew
        client.force_login(person)
        response = client.post(prefix + url(topic, "poll/vote/"), {"option": monday.pk})
        assert response.status_code == 404
    assert not PollVoter.objects.exists()


POLL = {"poll_question": "Which day?", "poll_options": "Monday\nWednesday"}


def test_the_topic_author_adds_a_poll_later_and_others_may_not(client, open_forum, user, member):
    topic = make_topic(open_forum, member, title="Monthly call")
    client.force_login(user)
    assert "Add a poll" not in client.get(url(topic)).content.decode()
    assert client.post(url(topic, "poll/add/"), POLL).status_code == 403
    client.force_login(member)
    assert "Add a poll" in client.get(url(topic)).content.decode()
    response = client.post(url(topic, "poll/add/"), {**POLL, "poll_options": "Monday"})
    assert response.status_code == 400
    assert not Poll.objects.exists()
    response = client.post(url(topic, "poll/add/"), POLL)
    assert response.status_code == 303
    assert [o.label for o in Topic.objects.get().poll.options.all()] == ["Monday", "Wednesday"]
    assert client.post(url(topic, "poll/add/"), POLL).status_code == 400  # one poll a topic
    assert Poll.objects.count() == 1


def test_a_poll_past_its_date_posts_its_results_once(client, open_forum, user, member):
    from io import StringIO

    from django.core.management import call_command

    soon = timezone.now() + timedelta(hours=1)
    topic = poll_topic(open_forum, user, closes_at=soon)
    monday, _wednesday = options(topic)
    polls.vote(topic.poll, member, [monday.pk])
    client.force_login(member)
    assert "Poll closed" not in client.get(url(topic)).content.decode()
    Poll.objects.update(closes_at=timezone.now() - timedelta(minutes=1))
    page = client.get(url(topic)).content.decode()
    assert "Poll closed: Which day?" in page and "Monday: 1" in page
    client.get(url(topic))
    call_command("send_forum_digest", stdout=StringIO())
    assert topic.posts.filter(body__startswith="**Poll closed").count() == 1
    assert Topic.objects.get(pk=topic.pk).post_count == 2


def test_the_daily_command_posts_results_of_polls_no_one_viewed(open_forum, user, member):
    from io import StringIO

    from django.core.management import call_command

    topic = poll_topic(open_forum, user, closes_at=timezone.now() + timedelta(hours=1))
    Poll.objects.update(closes_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()
    call_command("send_forum_digest", stdout=out)
    call_command("send_forum_digest", stdout=out)
    assert "1 results posted" in out.getvalue()
    post = topic.posts.get(body__startswith="**Poll closed")
    assert post.author == user
