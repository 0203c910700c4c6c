import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.choices import EnrolmentRole, EnrolmentStatus


class Enrolment(models.Model):
    """A user's membership of a course. Withdrawn rows are kept, so re-enrolling restores
    the same row and reports can count who left."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("user"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("course"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=EnrolmentRole.choices, default=EnrolmentRole.PARTICIPANT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["course", "user"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_member(self):
        return self.status != EnrolmentStatus.WITHDRAWN


class ModuleCompletion(models.Model):
    """A module a user has marked complete; deleting the row is the undo."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("module completion")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_module_completion")
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"


def new_calendar_token():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a user's personal calendar of all their courses' sessions.

    Calendar programs cannot sign in, so the token in the URL is the credential.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    class Meta:
        verbose_name = _("personal calendar feed")

    def __str__(self):
        return str(self.user)
