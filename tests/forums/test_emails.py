"""Reply notifications, signed unsubscribe links and the daily digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from forums import posting
from forums.choices import Delivery
from forums.digest import send_digests
from forums.emails import notify_new_post
from forums.models import DeliveryPreference, DigestDelivery, Post, Subscription
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.forums.payloads import TITLE_PAYLOAD


def reply_by_page(client, topic, author, body, django_capture_on_commit_callbacks):
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{topic.get_absolute_url()}reply/", {"body": body})
    assert response.status_code == 303
    return Post.objects.get(topic=topic, body=body)


def test_reply_emails_each_subscriber_but_not_the_author(
    client, topic, user, member, open_forum, django_capture_on_commit_callbacks
):
    forum_follower = UserFactory(username="follower")
    Subscription.objects.create(user=forum_follower, forum=open_forum)
    quiet = UserFactory(username="quiet")
    Subscription.objects.create(user=quiet, topic=topic)
    DeliveryPreference.objects.create(user=quiet, delivery=Delivery.NONE)
    Subscription.objects.create(user=member, topic=topic)  # member also follows, but writes

    post = reply_by_page(
        client, topic, member, "**Try** the rota", django_capture_on_commit_callbacks
    )

    assert sorted(m.to[0] for m in mail.outbox) == sorted([user.email, forum_follower.email])
    message = next(m for m in mail.outbox if m.to == [user.email])
    assert "http://testserver" + post.get_absolute_url() in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<strong>Try</strong>" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/forums/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_hidden_post_sends_nothing(topic, member):
    post, _ = posting.reply(topic, member, "hidden soon")
    post.hidden = True
    notify_new_post(post)
    assert mail.outbox == []


def test_withdrawn_participant_gets_no_email(
    client, course_rules, forum_a, member, outsider, django_capture_on_commit_callbacks
):
    course_rules.members[forum_a.page_id] = {member.pk, outsider.pk}
    topic = make_topic(forum_a, outsider, title="Course topic")  # outsider is subscribed
    course_rules.members[forum_a.page_id] = {member.pk}  # outsider withdrawn
    reply_by_page(client, topic, member, "Anyone?", django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_unsubscribe_link_confirms_on_get_and_works_signed_out(
    client, topic, user, member, django_capture_on_commit_callbacks
):
    reply_by_page(client, topic, member, "ping", django_capture_on_commit_callbacks)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix("http://testserver")
    anonymous = Client(enforce_csrf_checks=True)
    assert "Stop these emails?" in anonymous.get(path).content.decode()
    assert Subscription.objects.filter(user=user, topic=topic).exists()
    response = anonymous.post(path, {"List-Unsubscribe": "One-Click"})  # RFC 8058 body
    assert response.status_code == 200
    assert not Subscription.objects.filter(user=user, topic=topic).exists()


def test_tampered_unsubscribe_token_is_404(client, db):
    assert client.get("/forums/unsubscribe/not-a-token/").status_code == 404
    assert client.post("/forums/unsubscribe/eyJ1IjoxfQ:forged/").status_code == 404


def test_titles_and_names_are_escaped_in_emails(
    client, open_forum, user, member, django_capture_on_commit_callbacks
):
    member.display_name = "<b>Mallory</b><script>x()</script>"
    member.save()
    topic = make_topic(open_forum, user, title=TITLE_PAYLOAD)
    reply_by_page(
        client, topic, member, "<script>alert(1)</script>hi", django_capture_on_commit_callbacks
    )
    html = mail.outbox[0].alternatives[0][0]
    assert "<script" not in html and "<b>Mallory" not in html
    assert "&lt;b&gt;Mallory" in html
    assert "\n" not in mail.outbox[0].subject


@pytest.fixture
def digest_reader(open_forum):
    reader = UserFactory(username="digest")
    Subscription.objects.create(user=reader, forum=open_forum)
    DeliveryPreference.objects.create(
        user=reader, delivery=Delivery.DIGEST, last_digest_at=timezone.now() - timedelta(days=1)
    )
    return reader


def test_digest_sends_once_then_nothing(digest_reader, topic, member):
    posting.reply(topic, member, "New idea for the rota")
    hidden, _ = posting.reply(topic, member, "Hidden remark")
    posting.set_post_flags(hidden, hidden=True)
    call_command("send_forum_digest")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [digest_reader.email]
    assert "New idea for the rota" in message.body and "Hidden remark" not in message.body
    assert message.alternatives[0][1] == "text/html"
    assert DigestDelivery.objects.get(user=digest_reader).post_count == 2  # topic + reply
    call_command("send_forum_digest")
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND="tests.applications.backends.FailingBackend")
def test_a_mail_outage_leaves_the_digest_queued_once(digest_reader, topic, member):
    """The run records and queues the digest; the outbox retries it, the next run finds
    nothing new."""
    posting.reply(topic, member, "Worth reading")
    assert send_digests().sent == 1 and not mail.outbox
    assert DigestDelivery.objects.count() == 1
    assert send_digests().sent == 0


def test_each_reply_readers_get_no_digest(topic, member, user):
    posting.reply(topic, member, "Reply")
    assert send_digests().sent == 0


def test_withdrawn_digest_reader_gets_nothing(course_rules, forum_a, member, outsider):
    course_rules.members[forum_a.page_id] = {member.pk}
    Subscription.objects.create(user=outsider, forum=forum_a)
    DeliveryPreference.objects.create(
        user=outsider, delivery=Delivery.DIGEST, last_digest_at=timezone.now() - timedelta(days=1)
    )
    make_topic(forum_a, member, title="Members only")
    assert send_digests().sent == 0
    assert mail.outbox == []


def test_preferences_page_sets_delivery(client, member):
    client.force_login(member)
    assert client.get("/forums/preferences/").status_code == 200
    client.post("/forums/preferences/", {"delivery": "digest"})
    assert DeliveryPreference.objects.get(user=member).delivery == Delivery.DIGEST
    assert client.post("/forums/preferences/", {"delivery": "weekly"}).status_code == 400


def test_emails_are_written_in_each_readers_language(
    client, topic, user, member, django_capture_on_commit_callbacks
):
    """An Arabic reader gets the reply email and the digest in Arabic, with /ar/ links."""
    from django.utils import translation

    user.preferred_language = "ar"
    user.save()
    post = reply_by_page(client, topic, member, "Shukran", django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert f"/ar{post.get_absolute_url()}" in message.body
    DeliveryPreference.objects.create(
        user=user, delivery=Delivery.DIGEST, last_digest_at=timezone.now() - timedelta(days=1)
    )
    mail.outbox.clear()
    call_command("send_forum_digest")
    count = DigestDelivery.objects.get(user=user).post_count
    with translation.override("ar"):
        subject = translation.ngettext(
            "Forum digest: %(count)d new post", "Forum digest: %(count)d new posts", count
        ) % {"count": count}
    assert not subject.startswith("Forum digest")
    assert mail.outbox[0].subject == subject
