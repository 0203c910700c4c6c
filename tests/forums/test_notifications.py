"""The notification centre: newest first, only about topics the reader may still read,
an unread count in the header, marked read one by one or all at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from forums import posting
from forums.models import Notification, Subscription
from tests.error_summary import error_summary
from tests.forums.factories import make_topic


def url(topic, tail=""):
    with translation.override("en"):
        return topic.get_absolute_url() + tail


@pytest.fixture
def course_topic(course_rules, forum_a, member, user, facilitator_a):
    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    return make_topic(forum_a, member, title="Week one homework")


def test_replies_in_followed_topics_are_notified_newest_first(client, course_topic, member, user):
    Subscription.objects.create(user=user, topic=course_topic)
    client.force_login(user)
    client.post(url(course_topic, "reply/"), {"body": "I did the first sheet"})
    client.force_login(member)
    client.post(url(course_topic, "reply/"), {"body": "Well done"})
    client.post(url(course_topic, "reply/"), {"body": "And the second?"})
    assert not Notification.objects.filter(user=member, actor=member).exists()
    client.force_login(user)
    page = client.get("/notifications/").content.decode()
    second, first = (
        course_topic.posts.get(body="And the second?"),
        course_topic.posts.get(body="Well done"),
    )
    assert page.index(f"#post-{second.position}") < page.index(f"#post-{first.position}")
    assert "replied in <bdi>Week one homework</bdi>" in page


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_withdrawn_reader_no_longer_sees_or_counts_the_notification(
    client, course_rules, course_topic, forum_a, user, member, prefix
):
    posting.reply(course_topic, user, "My question about the sheet")
    reply = course_topic.posts.get(position=2)
    client.force_login(member)
    client.post(url(course_topic, f"posts/{reply.pk}/react/"), {"kind": "helpful"})
    client.force_login(user)
    page = client.get(prefix + "/notifications/").content.decode()
    assert "Week one homework" in page
    assert 'class="nav-count"' in page
    course_rules.members[forum_a.page_id] = {member.pk}  # user withdrew
    page = client.get(prefix + "/notifications/").content.decode()
    assert "Week one homework" not in page
    assert 'class="nav-count"' not in page


def test_hidden_topic_drops_out_for_participants(client, course_topic, user):
    posting.reply(course_topic, user, "Mine")
    reply = course_topic.posts.get(position=2)
    Notification.objects.create(user=user, kind="reaction", topic=course_topic, post=reply)
    posting.set_topic_flags(course_topic, hidden=True)
    client.force_login(user)
    assert "Week one homework" not in client.get("/notifications/").content.decode()


def test_moderation_decision_notifies_the_author(client, course_topic, facilitator_a, member):
    post = course_topic.posts.get()
    client.force_login(facilitator_a)
    hide = url(course_topic, f"posts/{post.pk}/hide/")
    assert client.get(hide).status_code == 200  # asks first, for the reason
    refused = client.post(hide, {"reason": " "})
    assert refused.status_code == 400 and "required" in error_summary(refused)
    assert not Notification.objects.exists()
    assert client.post(hide, {"reason": "Names a client <b>by name</b>"}).status_code == 303
    client.force_login(member)
    page = client.get(url(course_topic)).content.decode()
    assert "The moderator's reason: Names a client &lt;b&gt;by name&lt;/b&gt;" in page
    page = client.get("/notifications/").content.decode()
    assert (
        "A moderator hid your post in <bdi>Week one homework</bdi>. The reason given: "
        "<bdi>Names a client &lt;b&gt;by name&lt;/b&gt;</bdi>"
    ) in page
    client.force_login(facilitator_a)
    client.post(url(course_topic, f"posts/{post.pk}/unhide/"))
    client.force_login(member)
    page = client.get("/notifications/").content.decode()
    assert "A moderator restored your post" in page
    assert "The moderator's reason" not in client.get(url(course_topic)).content.decode()


def test_mark_one_then_all_read_and_not_someone_elses(client, course_topic, user, member):
    post = course_topic.posts.get()
    notes = [
        Notification.objects.create(user=member, kind="reaction", detail="thanks",
                                    topic=course_topic, post=post, actor=user)
        for _ in range(3)
    ]  # fmt: skip
    client.force_login(user)
    assert client.post(f"/notifications/{notes[0].pk}/read/").status_code == 404
    client.force_login(member)
    page = client.get("/notifications/").content.decode()
    assert '<span class="nav-count" aria-hidden="true">3</span>' in page
    assert "reacted “<bdi>Thank you</bdi>” to your post" in page
    client.post(f"/ar/notifications/{notes[0].pk}/read/")
    assert Notification.objects.filter(user=member, read_at=None).count() == 2
    client.post("/notifications/read/")
    assert not Notification.objects.filter(read_at=None).exists()
    assert 'class="nav-count"' not in client.get("/notifications/").content.decode()
    assert client.get("/notifications/read/").status_code == 405


def test_notification_centre_needs_sign_in(client):
    response = client.get("/ar/notifications/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_notification_centre_costs_the_same_with_many_notifications(
    client, course_topic, member, user
):
    post = course_topic.posts.get()
    client.force_login(member)

    def queries():
        client.get("/notifications/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/notifications/")
        return len(captured)

    Notification.objects.create(user=member, kind="reaction", topic=course_topic, post=post)
    few = queries()
    Notification.objects.bulk_create(
        Notification(user=member, kind="reply", topic=course_topic, post=post, actor=user)
        for _ in range(50)
    )
    assert queries() == few


def test_names_and_titles_in_a_notification_are_escaped(
    client, forum_a, course_rules, member, user
):
    """The sentence is built from a translation and user text: the text stays text,
    braces included (the sentence goes through format_html)."""
    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    topic = make_topic(forum_a, member, title="<script>alert(1)</script> {0} rota")
    Subscription.objects.create(user=user, topic=topic)
    member.display_name = "<b>Bold</b> {who}"
    member.save()
    client.force_login(member)
    client.post(url(topic, "reply/"), {"body": "See the new rota"})
    client.force_login(user)
    page = client.get("/notifications/").content.decode()
    assert "<script>alert(1)" not in page
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt; {0} rota</bdi>" in page
    assert "<bdi>&lt;b&gt;Bold&lt;/b&gt; {who}</bdi> replied in" in page


def test_notifications_page_by_30_at_the_same_cost_whatever_their_number(
    client, course_topic, member, user
):
    post = course_topic.posts.get()
    client.force_login(member)

    def make(count):
        Notification.objects.all().delete()
        Notification.objects.bulk_create(
            Notification(user=member, kind="reply", topic=course_topic, post=post, actor=user)
            for _ in range(count)
        )

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    make(35)
    first, page = queries("/notifications/")
    assert page.count('class="notification ') == 30 and "?page=2" in page
    second, page = queries("/notifications/?page=2")
    assert page.count('class="notification ') == 5
    assert client.get("/notifications/?page=3").status_code == 404
    make(300)
    assert queries("/notifications/")[0] == first
    assert queries("/notifications/?page=10")[0] == second
