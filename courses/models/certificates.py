import secrets

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models.attendance import Attendance
from courses.models.enrolment import ModuleCompletion


def new_certificate_code():
    return secrets.token_urlsafe(18)


class Certificate(models.Model):
    """The verifiable record of a completed enrolment. Anyone holding the code can
    confirm it at /certificates/<code>/, so the code is random and long."""

    enrolment = models.OneToOneField(
        "courses.Enrolment",
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("enrolment"),
    )
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_certificate_code
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")

    def __str__(self):
        return str(self.enrolment)


@receiver(post_save, sender=ModuleCompletion, dispatch_uid="courses-completion-on-module")
@receiver(post_save, sender=Attendance, dispatch_uid="courses-completion-on-attendance")
def check_completion(sender, instance, created, raw=False, **kwargs):
    """A new module completion or attendance may complete the course (in the same
    transaction as the row that triggered it)."""
    if not created or raw:
        return
    from courses.certificates import complete_if_done

    page = instance.module if sender is ModuleCompletion else instance.workshop
    complete_if_done(page, [instance.user_id])
