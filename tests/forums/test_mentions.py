"""@mentions: the named person is notified only while they may read the forum; a name
that is no one's is refused with the form and nothing is posted."""

import pytest
from django.utils import translation

from forums import mentions
from forums.models import Notification, Post
from tests.error_summary import error_summary
from tests.forums.factories import make_topic


def url(topic, tail=""):
    with translation.override("en"):
        return topic.get_absolute_url() + tail


@pytest.fixture
def course_topic(course_rules, forum_a, member, facilitator_a):
    course_rules.members[forum_a.page_id] = {member.pk}
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    return make_topic(forum_a, facilitator_a, title="Week one homework")


def test_names_skip_email_addresses_and_end_before_a_full_stop():
    assert mentions.names("Ask @Fac-A. Or mail x@example.org, @member!") == ["fac-a", "member"]


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_mention_notifies_a_reader_of_the_forum(
    client, course_topic, member, facilitator_a, prefix
):
    client.force_login(member)
    body = "Could @FAC-A look at our rota?"
    response = client.post(prefix + url(course_topic, "reply/"), {"body": body})
    assert response.status_code == 303
    post = Post.objects.get(body=body)
    note = Notification.objects.get(user=facilitator_a, kind="mention")
    assert (note.post, note.actor) == (post, member)
    client.force_login(facilitator_a)
    page = client.get(prefix + "/notifications/").content.decode()
    assert "<bdi>Week one homework</bdi>" in page
    if not prefix:
        assert "mentioned you in <bdi>Week one homework</bdi>" in page


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_mention_of_no_one_is_a_400_and_posts_nothing(client, course_topic, member, prefix):
    client.force_login(member)
    response = client.post(prefix + url(course_topic, "reply/"), {"body": "Thanks @nobody-here"})
    assert response.status_code == 400
    assert "@nobody-here" in error_summary(response)
    assert course_topic.posts.count() == 1
    assert not Notification.objects.exists()
    response = client.post(
        prefix + "/forums/course-a/new/", {"title": "Rotas", "body": "Hi @ghost and @ghoul"}
    )
    assert response.status_code == 400
    assert "@ghost, @ghoul" in error_summary(response)


def test_outsider_and_withdrawn_member_are_not_told_about_a_private_topic(
    client, course_rules, course_topic, forum_a, member, outsider, facilitator_a,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from django.core import mail

    client.force_login(facilitator_a)
    course_rules.members[forum_a.page_id] = set()  # member withdrew
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(course_topic, "reply/"), {"body": "Over to @member and @outsider"}, follow=True
        )
    assert response.status_code == 200
    assert "Not notified, because they cannot read this forum" in response.content.decode()
    assert not Notification.objects.filter(user__in=[member, outsider]).exists()
    assert all(member.email not in m.to and outsider.email not in m.to for m in mail.outbox)
    client.force_login(outsider)
    assert "Week one homework" not in client.get("/notifications/").content.decode()


def test_editing_in_a_mention_notifies_once(client, open_forum, member, user):
    topic = make_topic(open_forum, member, title="Open")
    post = topic.posts.get()
    client.force_login(member)
    for _edit in range(2):
        client.post(url(topic, f"posts/{post.pk}/edit/"), {"body": f"Now with @{user.username}"})
    assert Notification.objects.filter(user=user, kind="mention").count() == 1


def test_reply_box_suggests_the_people_in_the_topic(client, course_topic, member, facilitator_a):
    client.force_login(member)
    page = client.get(url(course_topic)).content.decode()
    assert "People you can mention" in page
    assert f"@{facilitator_a.username}" in page


def test_a_mentioned_follower_gets_one_notification_and_one_email(
    client, course_topic, member, facilitator_a, django_capture_on_commit_callbacks
):
    from django.core import mail

    from forums.models import Subscription

    Subscription.objects.create(user=member, topic=course_topic)
    client.force_login(facilitator_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(course_topic, "reply/"), {"body": "@member, your rota is next"})
    kinds = list(Notification.objects.filter(user=member).values_list("kind", flat=True))
    assert kinds == ["mention"]
    assert len([m for m in mail.outbox if member.email in m.to]) == 1


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_a_mention_links_to_the_persons_posts(
    client, course_topic, member, facilitator_a, outsider, prefix
):
    client.force_login(member)
    body = "Thanks @fac-a, see `@fac-a` in the rota"
    client.post(prefix + url(course_topic, "reply/"), {"body": body})
    page = client.get(prefix + url(course_topic)).content.decode()
    link = f'<a class="mention" href="/forums/people/{facilitator_a.username}/">@fac-a</a>'
    assert page.count(link) == 1  # and not inside the code span
    assert "<code>@fac-a</code>" in page
    person = client.get(prefix + f"/forums/people/{facilitator_a.username}/")
    assert person.status_code == 200
    assert "Week one homework" in person.content.decode()
    client.force_login(outsider)  # may not read the course forum: sees none of its posts
    person = client.get(prefix + f"/forums/people/{facilitator_a.username}/")
    assert "Week one homework" not in person.content.decode()
    assert client.get(prefix + "/forums/people/no-such-person/").status_code == 404
