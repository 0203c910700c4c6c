"""What readers add to posts: reactions, and the notifications the forums leave them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.choices import NotificationKind, ReactionKind


class Reaction(models.Model):
    """One person's "helpful", "thank you" or "+1" on a post: each kind at most once per
    person and post, which the database enforces."""

    post = models.ForeignKey("forums.Post", on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user", "kind"], name="forums_reaction_one_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind} post {self.post_id}"


class Notification(models.Model):
    """Something new for one person about a topic, or about a page of a higher app (an
    announcement). Whether they may still read it is asked again whenever it is shown
    (forums/notifications.py), not only when made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind)
    topic = models.ForeignKey(
        "forums.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Instead of a topic: the page it is about, shown in the reader's language.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A short detail fixed when made: the reaction kind or the moderation decision.
    detail = models.CharField(max_length=20, blank=True)
    # A moderator's reason for hiding the post, as it was given.
    reason = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["user", "read_at", "-created"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False) | Q(page__isnull=False),
                name="notification_about_topic_or_page",
            ),
            # One notification per person, kind and page, however often it is published.
            models.UniqueConstraint(
                fields=["user", "kind", "page"],
                condition=Q(page__isnull=False),
                name="unique_page_notification",
            ),
        ]

    def __str__(self):
        about = f"topic {self.topic_id}" if self.topic_id else f"page {self.page_id}"
        return f"{self.kind} for {self.user_id} about {about}"

    @property
    def reaction_label(self):
        return ReactionKind(self.detail).label if self.detail in ReactionKind.values else ""
