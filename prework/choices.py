from django.db import models
from django.utils.translation import gettext_lazy as _


class PreworkKind(models.TextChoices):
    """How an item is known to be done: ticked by people, or checked by the site."""

    MANUAL = "manual", _("Ticked by the team leader or participant")
    MODULES = "modules", _("Modules completed (checked by the site)")
    BASELINE = "baseline", _("Baseline data entered (checked by the site)")


class PreworkState(models.TextChoices):
    DONE = "done", _("Done")
    TO_DO = "to_do", _("To do")
    OVERDUE = "overdue", _("Overdue")
