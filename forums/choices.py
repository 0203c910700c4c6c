from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """Who may read a forum. Page forums ask the page's app through hooks (see access.py)."""

    PUBLIC = "public", _("Public: anyone reads, signed-in members post")
    MEMBERS = "members", _("Members: signed-in users read and post")
    PAGE = "page", _("Page: the page's access rule decides (for example a course)")


class Delivery(models.TextChoices):
    EACH_REPLY = "each", _("An email for each new post")
    DIGEST = "digest", _("One daily digest")
    NONE = "none", _("No emails")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Resolved: post hidden")
    RESTORED = "restored", _("Resolved: post restored")
    DISMISSED = "dismissed", _("Dismissed")


class ReactionKind(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")
    THANKS = "thanks", _("Thank you")
    PLUS_ONE = "plus_one", _("+1")


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Replies in topics you follow")
    MENTION = "mention", _("Mentions of you")
    REACTION = "reaction", _("Reactions to your posts")
    ANSWER = "answer", _("Your reply marked as the answer")
    MODERATION = "moderation", _("Moderation decisions on your posts")
    ANNOUNCEMENT = "announcement", _("Announcements")


class EmailTiming(models.TextChoices):
    """When a kind of notification is emailed. The values are Delivery's, so replies
    (DeliveryPreference.delivery) and the other kinds read the same way."""

    AT_ONCE = "each", _("At once")
    DIGEST = "digest", _("In the daily digest")
    NEVER = "none", _("Never")
