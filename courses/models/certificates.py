import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
