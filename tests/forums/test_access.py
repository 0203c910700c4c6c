"""The page-forum hook protocol, as a courses app would use it, and its enforcement."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail import hooks

from forums import access
from forums.models import Topic
from tests.factories import UserFactory
from tests.forums.factories import make_topic


def test_page_forum_is_closed_when_no_hook_answers(forum_a, member):
    assert not access.can_view(member, forum_a)
    assert not access.can_post(member, forum_a)
    assert not access.can_moderate(member, forum_a)


def test_deny_wins_over_allow(forum_a, member):
    with hooks.register_temporarily(
        [("forums_can_view", lambda user, page: True), ("forums_can_view", lambda u, p: False)]
    ):
        assert not access.can_view(member, forum_a)


def test_allow_from_one_hook_and_silence_from_another(forum_a, member):
    with hooks.register_temporarily(
        [("forums_can_view", lambda user, page: None), ("forums_can_view", lambda u, p: True)]
    ):
        assert access.can_view(member, forum_a)
        assert not access.can_post(member, forum_a)  # posting needs its own yes


def test_hooks_receive_the_forums_page(forum_a, course_a, member):
    seen = []
    with hooks.register_temporarily("forums_can_view", lambda u, p: seen.append(p) or None):
        access.can_view(member, forum_a)
    assert [page.pk for page in seen] == [course_a.pk]


def test_superuser_and_editors_moderate_every_forum(forum_a, superuser, editor):
    for user in (superuser, editor):
        assert access.can_view(user, forum_a)
        assert access.can_post(user, forum_a)
        assert access.can_moderate(user, forum_a)


def test_public_and_members_scopes(open_forum, members_forum, user):
    anonymous = AnonymousUser()
    assert access.can_view(anonymous, open_forum)
    assert not access.can_post(anonymous, open_forum)
    assert access.can_post(user, open_forum)
    assert not access.can_view(anonymous, members_forum)
    assert access.can_view(user, members_forum)
    assert not access.can_moderate(user, open_forum)


def test_inactive_user_cannot_post(open_forum):
    assert not access.can_post(UserFactory(is_active=False), open_forum)


def test_members_read_and_post_outsiders_get_404(client, course_rules, forum_a, member, outsider):
    course_rules.members[forum_a.page_id] = {member.pk}
    topic = make_topic(forum_a, member, title="Week one")
    client.force_login(outsider)
    assert client.get(forum_a.get_absolute_url()).status_code == 404
    assert client.get(topic.get_absolute_url()).status_code == 404
    response = client.post(f"{topic.get_absolute_url()}reply/", {"body": "let me in"})
    assert response.status_code == 404
    assert topic.posts.count() == 1
    client.force_login(member)
    assert client.get(topic.get_absolute_url()).status_code == 200
    response = client.post(f"{topic.get_absolute_url()}reply/", {"body": "Hello all"})
    assert response.status_code == 303
    assert topic.posts.count() == 2


def test_signed_out_visitor_of_a_page_forum_is_sent_to_sign_in(client, forum_a):
    response = client.get(forum_a.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_page_forum_is_not_listed_to_outsiders(client, course_rules, forum_a, outsider):
    client.force_login(outsider)
    assert "Course A forum" not in client.get("/forums/").content.decode()


def test_withdrawn_participant_loses_access(client, course_rules, forum_a, member):
    course_rules.members[forum_a.page_id] = {member.pk}
    topic = make_topic(forum_a, member)
    client.force_login(member)
    assert client.get(topic.get_absolute_url()).status_code == 200
    course_rules.members[forum_a.page_id] = set()  # withdrawn
    assert client.get(topic.get_absolute_url()).status_code == 404


def test_facilitator_moderates_own_course_forum_only(
    client, course_rules, forum_a, forum_b, facilitator_a, member
):
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    course_rules.members[forum_b.page_id] = {member.pk}
    topic_a = make_topic(forum_a, facilitator_a, title="In A")
    topic_b = make_topic(forum_b, member, title="In B")
    client.force_login(facilitator_a)

    page = client.get(topic_a.get_absolute_url()).content.decode()
    assert "/lock/" in page  # moderator controls shown
    assert client.post(f"{topic_a.get_absolute_url()}pin/").status_code == 302
    assert Topic.objects.get(pk=topic_a.pk).pinned

    # Course B: cannot see it, moderate it, or move a topic into it.
    assert client.get(topic_b.get_absolute_url()).status_code == 404
    assert client.post(f"{topic_b.get_absolute_url()}lock/").status_code == 404
    response = client.post(f"{topic_a.get_absolute_url()}move/", {"forum": forum_b.slug})
    assert response.status_code == 400
    assert Topic.objects.get(pk=topic_a.pk).forum == forum_a
    assert not Topic.objects.get(pk=topic_b.pk).locked


def test_participant_cannot_moderate(client, course_rules, forum_a, member):
    course_rules.members[forum_a.page_id] = {member.pk}
    topic = make_topic(forum_a, member)
    post = topic.posts.get()
    client.force_login(member)
    assert "/lock/" not in client.get(topic.get_absolute_url()).content.decode()
    for action in ("pin", "lock", "hide"):
        assert client.post(f"{topic.get_absolute_url()}{action}/").status_code == 403
    assert client.post(f"{topic.get_absolute_url()}posts/{post.pk}/hide/").status_code == 403
    topic.refresh_from_db()
    post.refresh_from_db()
    assert not (topic.pinned or topic.locked or topic.hidden or post.hidden)


@pytest.mark.parametrize("action", ["pin", "lock", "hide"])
def test_editor_moderates_any_forum(client, editor, topic, action):
    client.force_login(editor)
    assert client.post(f"{topic.get_absolute_url()}{action}/").status_code == 302
    topic.refresh_from_db()
    assert getattr(topic, {"pin": "pinned", "lock": "locked", "hide": "hidden"}[action])


def test_editor_moves_a_topic(client, editor, topic, members_forum):
    client.force_login(editor)
    response = client.post(f"{topic.get_absolute_url()}move/", {"forum": "members"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.forum == members_forum
    # The old address redirects to the new canonical one.
    old = client.get(f"/forums/barriers/{topic.pk}-{topic.slug}/")
    assert old.status_code == 301
    assert old["Location"] == topic.get_absolute_url()
