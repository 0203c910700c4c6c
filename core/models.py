from django.db import models
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """One email that left: its key (one recipient and one item, such as a reminder or a
    post) is unique, so a task that runs twice, or two workers at once, send it once."""

    key = models.CharField(_("key"), max_length=200)
    to = models.CharField(_("to"), max_length=500)
    subject = models.CharField(_("subject"), max_length=500)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")
        constraints = [models.UniqueConstraint(fields=["key"], name="core_sentemail_unique_key")]

    def __str__(self):
        return f"{self.key} → {self.to}"
