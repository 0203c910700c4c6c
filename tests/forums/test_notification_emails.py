"""Each kind of notification is emailed at once, in the daily digest, or never, as the
reader chose at /forums/preferences/."""

import pytest
from django.core import mail
from django.test import Client

from forums import posting, reactions
from forums.digest import send_digests
from forums.emails import unsubscribe_url
from forums.models import DeliveryPreference, Notification


@pytest.fixture
def reply(topic, member):
    post, _created = posting.reply(topic, member, "Put supervision on the rota")
    return post


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_preferences_page_saves_a_choice_per_kind(client, member, prefix):
    client.force_login(member)
    page = client.get(prefix + "/forums/preferences/").content.decode()
    assert 'name="reaction_email"' in page and 'name="mention_email"' in page
    response = client.post(
        prefix + "/forums/preferences/",
        {"delivery": "each", "reaction_email": "none", "answer_email": "digest"},
    )
    assert response.status_code == 302
    preference = DeliveryPreference.objects.get(user=member)
    assert (preference.reaction_email, preference.answer_email) == ("none", "digest")
    assert preference.mention_email == "each"  # not sent: kept
    bad = {"delivery": "each", "reaction_email": "hourly"}
    assert client.post(prefix + "/forums/preferences/", bad).status_code == 400
    assert DeliveryPreference.objects.get(user=member).reaction_email == "none"


def test_answer_is_emailed_at_once_by_default(
    topic, reply, user, member, django_capture_on_commit_callbacks
):
    posting.set_question(topic, True)
    with django_capture_on_commit_callbacks(execute=True):
        posting.accept_answer(topic, reply, by=user)
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == f"{user.get_full_name()} marked your reply as the answer in {topic}"
    assert reply.get_absolute_url() in message.body


def test_reactions_wait_for_the_digest_by_default_and_never_means_never(
    topic, reply, user, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reactions.toggle(reply, user, "thanks")
    assert mail.outbox == []
    DeliveryPreference.objects.filter(user=member).update(last_digest_at="2000-01-01T00:00Z")
    run = send_digests()
    assert run.sent == 1
    [digest] = mail.outbox
    assert digest.to == [member.email]
    assert f"{user.get_full_name()} reacted “Thank you” to your post" in digest.body
    assert send_digests().sent == 0  # nothing twice

    DeliveryPreference.objects.filter(user=member).update(reaction_email="none")
    with django_capture_on_commit_callbacks(execute=True):
        reactions.toggle(reply, user, "helpful")
    assert send_digests().sent == 0
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=member).count() == 2  # still in the centre


def test_one_click_unsubscribe_stops_every_kind(topic, reply, user, member):
    Client().post(unsubscribe_url(member).removeprefix("http://testserver"))
    preference = DeliveryPreference.objects.get(user=member)
    assert {
        preference.delivery,
        preference.mention_email,
        preference.reaction_email,
        preference.answer_email,
        preference.moderation_email,
    } == {"none"}
