"""Choices of the Core Data Set: what kind of number a measure is, and which way is better."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureKind(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage (numerator / denominator)")
    RATE = "rate", _("Rate per N")
    MEAN = "mean", _("Mean")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


# Kinds whose value is a numerator over a denominator, so both must be entered.
RATIO_KINDS = (MeasureKind.PERCENTAGE, MeasureKind.RATE)


class DataStatus(models.TextChoices):
    """A team's data for the month just ended, as facilitators and the team see it."""

    SUBMITTED = "submitted", _("Submitted")
    MISSING = "missing", _("Missing")
    LATE = "late", _("Late")
