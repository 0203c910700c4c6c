"""The monthly assessment scale (IHI Assessment Scale for Collaboratives): the levels
editors describe and translate, and each month's ratings of a team, one by the team
itself and one by the course's faculty.

The scale is fixed, 1.0 to 5.0 in steps of 0.5: the database refuses any other level
and a second rating of the same kind for the same team and month. What each level
means is the editors' (a snippet with a row per other language, as forums have);
`improvement/ratings.py` decides who rates which month and when a month is closed.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from core.translations import language_field

# The nine levels of the scale, lowest first.
LEVELS = [(Decimal(2 + step) / 2).quantize(Decimal("0.1")) for step in range(9)]


def level_choices():
    return [(level, f"{level:.1f}") for level in LEVELS]


class RaterKind(models.TextChoices):
    SELF = "self", _("Team's own rating")
    FACULTY = "faculty", _("Faculty rating")


class AssessmentLevel(ClusterableModel):
    """What one level of the scale means, shown beside the level wherever it is rated
    or read."""

    level = models.DecimalField(
        _("level"), max_digits=2, decimal_places=1, choices=level_choices(), unique=True
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), max_length=1000)

    # The fields shown in the reader's language.
    TEXTS = ["name", "description"]

    panels = [
        FieldPanel("level"),
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("translations", heading=_("Name and description in other languages")),
    ]

    class Meta:
        ordering = ["level"]
        verbose_name = _("assessment level")
        verbose_name_plural = _("assessment levels")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=LEVELS), name="assessment_level_on_scale"
            ),
        ]

    def __str__(self):
        return f"{self.level:.1f} {self.name}"


class AssessmentLevelTranslation(models.Model):
    level = ParentalKey(AssessmentLevel, on_delete=models.CASCADE, related_name="translations")
    language_code = language_field()
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "language_code"], name="assessment_one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.language_code})"


class AssessmentRating(models.Model):
    """One month's rating of a team on the scale, by the team or by the faculty."""

    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="ratings", verbose_name=_("team")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month rated."))
    kind = models.CharField(_("rated by"), max_length=10, choices=RaterKind.choices)
    level = models.DecimalField(_("level"), max_digits=2, decimal_places=1, choices=level_choices())
    note = models.TextField(_("note"), blank=True, max_length=1000)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rated by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["team", "month", "kind"]
        verbose_name = _("assessment rating")
        verbose_name_plural = _("assessment ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "month", "kind"], name="unique_assessment_rating"
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=LEVELS), name="assessment_rating_on_scale"
            ),
        ]

    def __str__(self):
        return f"{self.team} · {self.month:%Y-%m} · {self.kind} {self.level:.1f}"
