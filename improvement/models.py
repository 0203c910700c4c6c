"""The Core Data Set: a course's measures, each team's monthly values, and the history of
every change to a value.

Measures belong to the course's original (default-language) page, as teams do, so a
course and its translations share them; their labels are translated with the page's
locale by the translation workflow, not by duplicating rows. A month is stored as the
date of its first day, so months compare and sort as dates.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from improvement.choices import RATIO_KINDS, Direction, MeasureKind
from teams.forms import TeamAdminForm


def validate_first_day(month):
    if month is not None and month.day != 1:
        raise ValidationError(_("A month is stored as its first day: choose day 1."))


class Measure(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("course"),
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(
        _("operational definition"),
        help_text=_("Exactly what is counted, and from which records."),
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=MeasureKind.choices, default=MeasureKind.PERCENTAGE
    )
    numerator_label = models.CharField(_("numerator label"), max_length=200)
    denominator_label = models.CharField(
        _("denominator label"),
        max_length=200,
        blank=True,
        help_text=_("For percentages and rates."),
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("e.g. %, patients"))
    rate_multiplier = models.PositiveIntegerField(
        _("rate multiplier (N)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("For a rate per N, e.g. 1000."),
    )
    goal_value = models.DecimalField(
        _("goal"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    goal_date = models.DateField(_("goal date"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Every team must report it each month.")
    )
    first_month = models.DateField(
        _("first month"),
        validators=[validate_first_day],
        help_text=_("The first day of the first month with data."),
    )
    baseline_months = models.PositiveSmallIntegerField(
        _("baseline months"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("How many first months form the baseline median."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    # Facilitators choose among the collaborative courses they run, as for teams.
    base_form_class = TeamAdminForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("course"), FieldPanel("name"), FieldPanel("definition")],
            heading=_("Measure"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("numerator_label"), FieldPanel("denominator_label")]),
                FieldPanel("rate_multiplier"),
            ],
            heading=_("What is counted"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("goal_value"), FieldPanel("goal_date")]),
                FieldPanel("direction"),
            ],
            heading=_("Goal"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_month"), FieldPanel("baseline_months")]),
                FieldRowPanel([FieldPanel("required"), FieldPanel("sort_order")]),
            ],
            heading=_("Reporting"),
        ),
    ]

    class Meta:
        ordering = ["course", "sort_order", "name"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="unique_measure_name"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind in RATIO_KINDS and not self.denominator_label:
            errors["denominator_label"] = _("A percentage or a rate needs a denominator.")
        if self.kind == MeasureKind.RATE and not self.rate_multiplier:
            errors["rate_multiplier"] = _("A rate per N needs its N.")
        if errors:
            raise ValidationError(errors)

    def value_of(self, numerator, denominator):
        """The number a chart plots: a percentage or rate of numerator over denominator,
        else the numerator itself; None when it cannot be computed (no data, or a zero
        denominator)."""
        if numerator is None:
            return None
        if self.kind not in RATIO_KINDS:
            return float(numerator)
        if not denominator:
            return None
        factor = 100 if self.kind == MeasureKind.PERCENTAGE else (self.rate_multiplier or 1)
        return float(factor * numerator / denominator)


class MonthlyValue(models.Model):
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="values", verbose_name=_("team")
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="values", verbose_name=_("measure")
    )
    month = models.DateField(_("month"), validators=[validate_first_day])
    numerator = models.DecimalField(
        _("numerator"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    no_data_reason = models.CharField(
        _("reason for no data"),
        max_length=300,
        blank=True,
        help_text=_("When the team has no data this month."),
    )
    comment = models.TextField(_("comment"), blank=True)
    locked = models.BooleanField(_("locked"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["team", "measure", "month"]
        verbose_name = _("monthly value")
        verbose_name_plural = _("monthly values")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "measure", "month"], name="unique_monthly_value"
            ),
            models.CheckConstraint(
                condition=(models.Q(numerator__isnull=True) | models.Q(numerator__gte=0))
                & (
                    models.Q(numerator__isnull=True)
                    | models.Q(denominator__isnull=True)
                    | models.Q(numerator__lte=models.F("denominator"))
                ),
                name="monthly_value_numerator_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.team} · {self.measure} · {self.month:%Y-%m}"

    @property
    def value(self):
        return self.measure.value_of(self.numerator, self.denominator)


class ValueChange(models.Model):
    """One correction of a monthly value: who, when, and the old and new numbers."""

    value = models.ForeignKey(
        MonthlyValue, on_delete=models.CASCADE, related_name="changes", verbose_name=_("value")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    old_numerator = models.DecimalField(
        _("old numerator"), max_digits=12, decimal_places=2, null=True
    )
    old_denominator = models.DecimalField(
        _("old denominator"), max_digits=12, decimal_places=2, null=True
    )
    new_numerator = models.DecimalField(
        _("new numerator"), max_digits=12, decimal_places=2, null=True
    )
    new_denominator = models.DecimalField(
        _("new denominator"), max_digits=12, decimal_places=2, null=True
    )

    class Meta:
        ordering = ["value", "changed_at", "pk"]
        verbose_name = _("value change")
        verbose_name_plural = _("value changes")

    def __str__(self):
        return f"{self.value} · {self.changed_at:%Y-%m-%d %H:%M}"


class LateDataNotice(models.Model):
    """The late-data email of one month sent to one data contact of one team: its unique
    constraint makes that email go out once, however many times `send_reminders` runs."""

    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="+", verbose_name=_("team")
    )
    month = models.DateField(_("month"), validators=[validate_first_day])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("late-data email")
        verbose_name_plural = _("late-data emails")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "month", "user"], name="unique_late_data_notice"
            ),
        ]

    def __str__(self):
        return f"{self.team} · {self.month:%Y-%m} → {self.user}"


class Baseline(models.Model):
    """A new baseline for one team's measure, started by a facilitator after a sustained
    shift: from `first_month`, its first `months` values make a new frozen median. The
    measure's own baseline (its first months) stays on the chart for the months before."""

    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="baselines", verbose_name=_("team")
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="baselines", verbose_name=_("measure")
    )
    first_month = models.DateField(_("first month"), validators=[validate_first_day])
    months = models.PositiveSmallIntegerField(
        _("months"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("How many months from the first form the new median."),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        ordering = ["team", "measure", "first_month"]
        verbose_name = _("new baseline")
        verbose_name_plural = _("new baselines")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "measure", "first_month"], name="unique_baseline_start"
            ),
        ]

    def __str__(self):
        return f"{self.team} · {self.measure} · {self.first_month:%Y-%m}"

    @property
    def course(self):
        """The course whose facilitators may manage it (the teams admin reads it)."""
        return self.measure.course

    def clean(self):
        if self.measure_id and self.first_month and self.first_month <= self.measure.first_month:
            raise ValidationError(
                {"first_month": _("A new baseline starts after the measure's first month.")}
            )
        if self.measure_id and self.team_id and self.team.course_id != self.measure.course_id:
            raise ValidationError({"measure": _("Choose a measure of the team's course.")})


# Models kept in their own modules, registered with the app here.
from improvement.assessment import (  # noqa: E402, F401
    AssessmentLevel,
    AssessmentLevelTranslation,
    AssessmentRating,
)
from improvement.pdsa_models import PdsaComment, PdsaCycle  # noqa: E402, F401
from improvement.storyboards import (  # noqa: E402, F401
    Storyboard,
    StoryboardComment,
    StoryboardReminder,
)
