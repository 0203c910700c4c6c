from django.db import models
from django.utils.translation import gettext_lazy as _


class TeamStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MemberRole(models.TextChoices):
    """Roles in a team; one person may hold several. The first three are the core-team
    roles of an application."""

    SENIOR_LEADER = "senior_leader", _("Senior leader")
    SUPERVISOR = "supervisor", _("Supervisor")
    CLINICIAN = "clinician", _("Clinician")
    DATA_CONTACT = "data_contact", _("Data contact")
