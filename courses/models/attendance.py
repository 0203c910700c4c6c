from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import models
from django.db.models.signals import post_migrate
from django.dispatch import receiver
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
        ordering = ["workshop", "day", "user"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["user", "workshop", "day"], name="unique_attendance")
        ]

    def __str__(self):
        return f"{self.user} – {self.workshop} – {self.day:%Y-%m-%d}"


EDITOR_PERMISSIONS = ["add_attendance", "change_attendance", "delete_attendance", "view_attendance"]


@receiver(post_migrate, dispatch_uid="courses-attendance-permissions")
def grant_attendance_permissions(sender, app_config=None, apps=None, **kwargs):
    """Editors manage attendance in the admin; facilitators see their courses' rows.
    Runs after every migrate, so it also repairs permissions someone removed."""
    if app_config is None or app_config.label != "courses" or apps is None:
        return
    create_permissions(app_config, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    permissions = permission_model.objects.filter(
        content_type__app_label="courses", codename__in=EDITOR_PERMISSIONS
    )
    editors = group_model.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.add(*permissions)
    facilitators = group_model.objects.filter(name="Facilitators").first()
    if facilitators:
        facilitators.permissions.add(*permissions.filter(codename="view_attendance"))
