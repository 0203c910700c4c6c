"""Reply notifications and the signed one-click unsubscribe links they carry.

Each email carries a personal link, /forums/unsubscribe/<token>/, signed with
django.core.signing (no expiry: old emails keep working, signed out). GET shows a
confirmation page, so link scanners that prefetch URLs unsubscribe nobody; POST
unsubscribes, from that page's button or straight from a mail client through the
List-Unsubscribe-Post header (RFC 8058 one-click).
"""

from django.db.models import F, Q
from django.urls import reverse

from core import mail
from core.mail import absolute, in_language, send_all
from forums.access import can_view
from forums.choices import Delivery, EmailTiming
from forums.models import DeliveryPreference, Subscription
from forums.notification_text import sentence

SALT = "forums.unsubscribe"


def unsubscribe_url(user, *, topic=None, forum=None):
    """A link that stops one subscription, or (neither given) every forum email."""
    target = {"t": topic.pk} if topic else {"f": forum.pk} if forum else {"all": 1}
    token = mail.sign({"u": user.pk, **target}, SALT)
    return absolute(reverse("forums:unsubscribe", args=[token]))


def read_unsubscribe_token(token):
    """The payload of a valid token, or None."""
    return mail.unsign(token, SALT)


def build_email(user, subject, template, context, unsubscribe):
    context = {**context, "recipient": user, "unsubscribe_url": unsubscribe}
    return mail.build_email(
        user.email,
        subject,
        f"forums/email/{template}",
        context,
        headers=mail.unsubscribe_headers(unsubscribe),
    )


def reply_recipients(post, skip=()):
    """Active users who follow the post's topic or forum, want each post by email, may
    still read the forum (a withdrawn participant no longer can), and did not write it."""
    topic = post.topic
    subscriptions = (
        Subscription.objects.filter(Q(topic=topic) | Q(forum=topic.forum_id))
        .exclude(user=post.author_id)
        .exclude(user__in=skip)
        .filter(user__is_active=True)
        .exclude(user__email="")
        .exclude(user__forum_preference__delivery__in=[Delivery.DIGEST, Delivery.NONE])
        .select_related("user", "forum")
        .order_by("user_id", F("topic_id").asc(nulls_last=True))
    )
    recipients = {}  # one email per user, naming the topic subscription if there is one
    for subscription in subscriptions:
        recipients.setdefault(subscription.user, subscription)
    return [
        (user, subscription)
        for user, subscription in recipients.items()
        if can_view(user, topic.forum)
    ]


def notify_new_post(post, skip=()):
    """Email each 'each post' subscriber about a new visible post, except the user ids
    in `skip` (mentioned: they get the mention's email). Called after commit."""
    if not post.visible or post.topic.hidden:
        return
    topic = post.topic
    messages = []
    for user, subscription in reply_recipients(post, skip):
        with in_language(user):
            link = unsubscribe_url(
                user, topic=topic if subscription.topic_id else None, forum=subscription.forum
            )
            subject = f"[{topic.forum.name}] {topic.title}"
            url = absolute(post.get_absolute_url())
            context = {"post": post, "topic": topic, "post_url": url}
            messages.append(build_email(user, subject, "new_post", context, link))
    send_all(messages, key=f"forums.post:{post.pk}")


def notification_url(notification):
    target = notification.post or notification.topic
    return absolute(target.get_absolute_url())


def email_notification(notification):
    """Email one notification now, if its reader wants that kind at once. After commit."""
    user = notification.user
    preference = DeliveryPreference.of(user)
    if not user.email or preference.timing(notification.kind) != EmailTiming.AT_ONCE:
        return
    with in_language(user):
        text = sentence(notification)
        context = {
            "text": text,
            "url": notification_url(notification),
            "preferences_url": absolute(reverse("forums:preferences")),
        }
        message = build_email(user, text, "notification", context, unsubscribe_url(user))
    send_all([message], key=f"forums.notification:{notification.pk}")
