from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from reminders.choices import DeliveryStatus


class SessionMessage(models.Model):
    """A “look back, look ahead” email an editor schedules between sessions, sent to the
    course's active participants (and facilitators) by `send_reminders`."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="session_messages",
        verbose_name=_("course"),
    )
    follow_up = models.ForeignKey(
        "courses.FollowUpPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up page to link to"),
        help_text=_("The last session's follow-up; without one the email links to the course."),
    )
    send_at = models.DateTimeField(_("send at"))
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=3000)
    include_facilitators = models.BooleanField(_("also send to facilitators"), default=False)

    panels = [
        FieldPanel("course"),
        FieldPanel("follow_up"),
        FieldRowPanel([FieldPanel("send_at"), FieldPanel("include_facilitators")]),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta:
        db_table = "courses_sessionmessage"  # kept when the model moved out of courses
        ordering = ["-send_at"]
        verbose_name = _("session message")
        verbose_name_plural = _("session messages")

    def __str__(self):
        return self.subject

    def clean(self):
        super().clean()
        course_path = self.course.path if self.course_id else None
        if self.follow_up_id and course_path and not self.follow_up.path.startswith(course_path):
            raise ValidationError({"follow_up": _("Choose a follow-up page of this course.")})


class ReminderDelivery(models.Model):
    """One reminder or session message for one person: the unit `send_reminders` claims,
    sends, retries and counts. The unique constraints make it once per person and item."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_deliveries",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    reminder = models.ForeignKey(
        "courses.FollowUpReminder",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    message = models.ForeignKey(
        SessionMessage, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first seen"), default=timezone.now)
    # Set while one run is sending it: the run's token, so no other run takes it.
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        db_table = "courses_reminderdelivery"  # kept when the model moved out of courses
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        constraints = [
            # NULLs never collide, so each pair holds for its own kind of item only.
            models.UniqueConstraint(fields=["user", "reminder"], name="unique_reminder_delivery"),
            models.UniqueConstraint(fields=["user", "message"], name="unique_message_delivery"),
            models.CheckConstraint(
                condition=models.Q(reminder__isnull=True) ^ models.Q(message__isnull=True),
                name="delivery_of_one_item",
            ),
        ]
        indexes = [models.Index(fields=["status", "claimed_at"])]

    def __str__(self):
        return f"{self.reminder or self.message} → {self.user}"

    @property
    def item(self):
        return self.reminder or self.message
