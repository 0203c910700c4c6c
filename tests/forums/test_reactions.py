"""Reactions: one of each kind per person and post, undone by pressing again, shown with
counts and names, refused on hidden posts and to people who may not post."""

import pytest
from django.db import IntegrityError
from django.utils import translation

from forums import posting
from forums.models import Notification, Reaction
from tests.forums.factories import make_topic


def url(topic):
    """The unprefixed address, whatever language the last request left active."""
    with translation.override("en"):
        return topic.get_absolute_url()


def react_url(topic, post):
    return f"{url(topic)}posts/{post.pk}/react/"


@pytest.fixture
def reply(topic, member):
    post, _created = posting.reply(topic, member, "Put supervision on the rota")
    return post


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_reacting_shows_count_name_and_pressed_then_undo(client, topic, reply, user, prefix):
    client.force_login(user)
    response = client.post(prefix + react_url(topic, reply), {"kind": "helpful"})
    assert response.status_code == 302
    page = client.get(prefix + url(topic)).content.decode()
    assert 'aria-pressed="true"' in page
    assert user.get_full_name() in page
    assert Reaction.objects.filter(post=reply, user=user, kind="helpful").count() == 1

    client.post(prefix + react_url(topic, reply), {"kind": "helpful"})  # undo
    assert not Reaction.objects.filter(post=reply).exists()
    assert 'aria-pressed="true"' not in client.get(url(topic)).content.decode()


def test_one_reaction_of_a_kind_per_person_in_the_database(topic, reply, user):
    Reaction.objects.create(post=reply, user=user, kind="thanks")
    Reaction.objects.create(post=reply, user=user, kind="helpful")  # another kind is fine
    with pytest.raises(IntegrityError):
        Reaction.objects.create(post=reply, user=user, kind="thanks")


def test_author_is_notified_once_and_not_again_after_undo_and_redo(client, topic, reply, user):
    client.force_login(user)
    for _press in range(3):  # on, off, on
        client.post(react_url(topic, reply), {"kind": "thanks"})
    assert Reaction.objects.filter(post=reply, kind="thanks").count() == 1
    note = Notification.objects.get(user=reply.author)
    assert (note.kind, note.detail, note.actor, note.post) == ("reaction", "thanks", user, reply)


def test_unknown_kind_own_post_and_hidden_post_are_refused(client, topic, reply, user, member):
    client.force_login(member)
    assert client.post(react_url(topic, reply), {"kind": "thanks"}).status_code == 403  # own
    client.force_login(user)
    assert client.post(react_url(topic, reply), {"kind": "love"}).status_code == 400
    posting.set_post_flags(reply, hidden=True)
    assert client.post(react_url(topic, reply), {"kind": "thanks"}).status_code == 404
    assert not Reaction.objects.exists()
    assert not Notification.objects.exists()


def test_signed_out_visitor_sees_counts_without_buttons(client, topic, reply, user):
    Reaction.objects.create(post=reply, user=user, kind="plus_one")
    page = client.get(url(topic)).content.decode()
    assert "aria-pressed" not in page
    assert user.get_full_name() in page
    response = client.post(react_url(topic, reply), {"kind": "plus_one"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_outsider_and_withdrawn_member_cannot_react_in_a_course_forum(
    client, course_rules, forum_a, member, outsider, user, prefix
):
    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    topic = make_topic(forum_a, member, title="Week one")
    post = topic.posts.get()
    client.force_login(outsider)
    assert client.post(prefix + react_url(topic, post), {"kind": "thanks"}).status_code == 404
    course_rules.members[forum_a.page_id] = {member.pk}  # user withdrew
    client.force_login(user)
    assert client.post(prefix + react_url(topic, post), {"kind": "thanks"}).status_code == 404
    assert not Reaction.objects.exists()


def test_author_who_withdrew_gets_no_notification(course_rules, forum_a, member, user):
    from forums import reactions

    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    topic = make_topic(forum_a, member, title="Week one")
    post = topic.posts.get()
    course_rules.members[forum_a.page_id] = {user.pk}  # the author withdrew
    reactions.toggle(post, user, "helpful")
    assert Reaction.objects.count() == 1
    assert not Notification.objects.exists()
