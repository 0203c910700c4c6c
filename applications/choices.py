from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Wait-listed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TeamRole(models.TextChoices):
    """Roles in an applying organisation's core team."""

    SENIOR_LEADER = "senior_leader", _("Senior leader")
    SUPERVISOR = "supervisor", _("Supervisor")
    CLINICIAN = "clinician", _("Clinician")
