"""Choices of a PDSA cycle: where it stands, and what the team decided."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CycleStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Under way")
    COMPLETED = "completed", _("Completed")


class CycleDecision(models.TextChoices):
    """The Act of a cycle: keep the change as it is, change it and test again, or drop it."""

    ADOPT = "adopt", _("Adopt")
    ADAPT = "adapt", _("Adapt")
    ABANDON = "abandon", _("Abandon")
