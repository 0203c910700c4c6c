from django.core.management import call_command
from django.http import HttpRequest

from forums.models import Forum, Post, Topic
from tests.forums.test_posting import assert_counters_match


def test_demo_creates_forums_with_participant_topics(client, db):
    call_command("load_demo", force=True)
    assert set(Forum.objects.values_list("slug", "scope")) >= {
        ("barriers-and-solutions", "public"),
        ("team-leads-and-supervisors", "members"),
    }
    topic = Topic.objects.get(title="Getting supervisors to protect time for supervision")
    assert topic.post_count == 4  # three English posts and one Arabic (home/demo_translations)
    assert_counters_match(topic)
    assert client.login(request=HttpRequest(), username="learner", password="collab-demo")
    assert (
        "Tracking fidelity without extra paperwork"
        in client.get("/forums/team-leads-and-supervisors/").content.decode()
    )
    assert "قادة الفرق والمشرفون" in client.get("/ar/forums/").content.decode()


def test_demo_at_scale_two_has_a_ten_thousand_post_topic_and_is_idempotent(client, db):
    call_command("load_demo", force=True, scale=2)
    counts = (Topic.objects.count(), Post.objects.count())
    call_command("load_demo", force=True, scale=2)
    assert (Topic.objects.count(), Post.objects.count()) == counts
    long_topic = Topic.objects.get(title__startswith="Weekly check-in")
    assert long_topic.posts.count() == 10_000
    assert_counters_match(long_topic)
    last_page = client.get(f"{long_topic.get_absolute_url()}?page={long_topic.page_count}")
    assert last_page.status_code == 200
    assert "#10000" in last_page.content.decode()


def test_demo_has_an_answered_question_mentions_and_reactions_with_their_notifications(db):
    from forums.models import Notification, Reaction

    call_command("load_demo", force=True)
    call_command("load_demo", force=True)  # idempotent
    question = Topic.objects.get(title__startswith="Which edition of the problem-solving")
    assert question.is_question and question.answer.position == 2
    assert Reaction.objects.count() == 6
    facilitator_notes = Notification.objects.filter(user__username="facilitator")
    assert set(facilitator_notes.values_list("kind", flat=True)) == {
        "reaction",
        "answer",
        "mention",
        "announcement",  # the demo course's announcement to its members
    }
    assert Notification.objects.filter(user__username="editor", kind="mention").count() == 1


def test_demo_has_a_decided_poll_with_its_results_posted(db):
    from forums.models import PollVoter

    call_command("load_demo", force=True)
    call_command("load_demo", force=True)  # idempotent
    topic = Topic.objects.get(title__startswith="Deciding together")
    assert topic.poll.closed_at is not None
    assert PollVoter.objects.filter(poll=topic.poll).count() == 3
    assert "Tuesday: 2" in topic.posts.order_by("-position").first().body


def test_demo_course_forum_has_a_guest_speaker_a_hidden_post_and_a_poll_closed_by_date(client, db):
    from forums.models import Notification

    call_command("load_demo", force=True)
    call_command("load_demo", force=True)  # idempotent
    topic = Topic.objects.get(title="Introductions: who is on your team?")
    assert topic.posts.filter(author__username="laleh.karimi").count() == 1
    hidden = topic.posts.get(hidden=True)
    assert "without names" in hidden.hidden_reason
    assert Notification.objects.filter(post=hidden, kind="moderation").exists()
    assert topic.poll.closed_at is not None
    assert topic.posts.filter(body__contains="08:00 UTC: 2").count() == 1
    assert_counters_match(topic)
    client.login(request=HttpRequest(), username="learner", password="collab-demo")
    page = client.get(topic.get_absolute_url()).content.decode()
    assert '<span class="badge badge--role">Guest speaker</span>' in page
    assert 'class="mention" href="/forums/people/learner/"' in page
    assert "The moderator's reason:" in page
