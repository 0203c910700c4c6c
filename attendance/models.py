from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Attendance(models.Model):
    """A participant was at a workshop on one of its days; no row means absent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("participant"),
    )
    workshop = models.ForeignKey(
        "courses.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("workshop"),
    )
    day = models.DateField(_("day"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    panels = [FieldPanel("user"), FieldPanel("workshop"), FieldPanel("day")]

    class Meta:
        db_table = "courses_attendance"  # kept when the model moved out of courses
        ordering = ["workshop", "day", "user"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["user", "workshop", "day"], name="unique_attendance")
        ]

    def __str__(self):
        return f"{self.user} – {self.workshop} – {self.day:%Y-%m-%d}"
