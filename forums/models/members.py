"""Per-user state: subscriptions, email preference, digests sent and read positions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.choices import Delivery, EmailTiming, NotificationKind


class Subscription(models.Model):
    """A user follows one topic or one whole forum."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    topic = models.ForeignKey(
        "forums.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    forum = models.ForeignKey(
        "forums.Forum", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True) ^ Q(forum__isnull=True),
                name="forums_subscription_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="forums_subscription_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"],
                condition=Q(forum__isnull=False),
                name="forums_subscription_forum",
            ),
        ]

    def __str__(self):
        target = f"topic {self.topic_id}" if self.topic_id else f"forum {self.forum_id}"
        return f"{self.user_id} follows {target}"


class DeliveryPreference(models.Model):
    """How a user wants forum email. Kept here because forums cannot add fields to the
    project's user model; a user without a row gets an email for each reply."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preference"
    )
    delivery = models.CharField(
        _("forum emails"), max_length=10, choices=Delivery, default=Delivery.EACH_REPLY
    )
    # Email for the other kinds of notification; replies follow `delivery`.
    mention_email = models.CharField(
        _("mentions of you"), max_length=10, choices=EmailTiming, default=EmailTiming.AT_ONCE
    )
    reaction_email = models.CharField(
        _("reactions to your posts"), max_length=10, choices=EmailTiming, default=EmailTiming.DIGEST
    )
    answer_email = models.CharField(
        _("your reply marked as the answer"),
        max_length=10,
        choices=EmailTiming,
        default=EmailTiming.AT_ONCE,
    )
    moderation_email = models.CharField(
        _("moderation decisions on your posts"),
        max_length=10,
        choices=EmailTiming,
        default=EmailTiming.AT_ONCE,
    )
    # The digest covers posts created after this moment.
    last_digest_at = models.DateTimeField(default=timezone.now)

    # notification kind -> the field that says when it is emailed
    EMAIL_FIELDS = {
        NotificationKind.MENTION: "mention_email",
        NotificationKind.REACTION: "reaction_email",
        NotificationKind.ANSWER: "answer_email",
        NotificationKind.MODERATION: "moderation_email",
    }

    def __str__(self):
        return f"{self.user_id}: {self.delivery}"

    def timing(self, kind):
        return getattr(self, self.EMAIL_FIELDS[kind])

    @classmethod
    def of(cls, user):
        """The user's preference, unsaved defaults if they never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)


class DigestDelivery(models.Model):
    """A digest that was sent, written in the same transaction that moves
    `last_digest_at`, so a second run of the command sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    since = models.DateTimeField()
    until = models.DateTimeField()
    post_count = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = _("digest deliveries")

    def __str__(self):
        return f"{self.user_id}: {self.post_count} posts until {self.until:%Y-%m-%d %H:%M}"


class ReadState(models.Model):
    """The highest post position a user has seen in a topic."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("forums.Topic", on_delete=models.CASCADE, related_name="+")
    last_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forums_readstate_user_topic")
        ]

    def __str__(self):
        return f"{self.user_id} read topic {self.topic_id} to {self.last_position}"


class Draft(models.Model):
    """An unsent reply (topic set) or new topic (topic empty) of one person, kept on the
    server so it survives a closed browser and a change of device."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(
        "forums.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="forums_draft_reply",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"],
                condition=Q(topic__isnull=True),
                name="forums_draft_new_topic",
            ),
        ]

    def __str__(self):
        return f"draft of {self.user_id} in topic {self.topic_id or '(new)'}"
