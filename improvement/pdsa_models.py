"""PDSA cycles: a team's small tests of change between learning sessions, and the
comments facilitators (and the team) write on them.

A cycle belongs to one team; the measures it aims to move are measures of the team's
course, and the cycle it follows (its place in a ramp) is an earlier cycle of the same
team. `clean` says so to the forms, and `pdsa_forms` saves a cycle only when the whole
form is valid. The database holds the rules it can check on one row: dates in order, a
decision only with a completed cycle, and a cycle never following itself.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

from improvement.pdsa_choices import CycleDecision, CycleStatus


class PdsaCycle(models.Model):
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="pdsa_cycles", verbose_name=_("team")
    )
    change_idea = models.CharField(
        _("change idea"), max_length=200, help_text=_("The change you are testing, in a line.")
    )
    objective = models.TextField(_("objective"), help_text=_("What this cycle should find out."))
    measures = models.ManyToManyField(
        "improvement.Measure",
        related_name="pdsa_cycles",
        verbose_name=_("measures"),
        help_text=_("The measures the change aims to move."),
    )
    follows = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_by",
        verbose_name=_("follows"),
        help_text=_("The earlier cycle this one builds on, for a ramp of cycles."),
    )
    # Plan
    plan_who = models.TextField(_("who"), blank=True)
    plan_what = models.TextField(_("what"), blank=True)
    plan_when = models.TextField(_("when"), blank=True)
    plan_where = models.TextField(_("where"), blank=True)
    prediction = models.TextField(_("prediction"), blank=True)
    # Do, Study, Act
    do_notes = models.TextField(_("do: what happened"), blank=True)
    study_notes = models.TextField(_("study: the data compared with the prediction"), blank=True)
    decision = models.CharField(_("act"), max_length=10, choices=CycleDecision.choices, blank=True)
    act_notes = models.TextField(_("act: what next"), blank=True)
    # Dates and status
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CycleStatus.choices, default=CycleStatus.PLANNED
    )
    documents = models.ManyToManyField(
        get_document_model_string(), blank=True, related_name="+", verbose_name=_("documents")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["team", "start_date", "pk"]
        verbose_name = _("PDSA cycle")
        verbose_name_plural = _("PDSA cycles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="pdsa_cycle_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(decision="") | models.Q(status=CycleStatus.COMPLETED),
                name="pdsa_cycle_decision_when_completed",
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=["", *CycleDecision.values]),
                name="pdsa_cycle_decision_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(follows=models.F("pk")), name="pdsa_cycle_not_itself"
            ),
        ]

    def __str__(self):
        return self.change_idea

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("A cycle ends on or after its start date.")
        if self.decision and self.status != CycleStatus.COMPLETED:
            errors["decision"] = _("Decide to adopt, adapt or abandon when the cycle is completed.")
        if self.follows_id and not self.follows_earlier_cycle():
            errors["follows"] = _("A cycle follows an earlier cycle of the same team.")
        if errors:
            raise ValidationError(errors)

    def follows_earlier_cycle(self):
        """The followed cycle is the same team's, started no later, and not one that
        (through its own chain) follows this cycle: a ramp never loops."""
        follows = self.follows
        if follows.team_id != self.team_id:
            return False
        if self.start_date and follows.start_date > self.start_date:
            return False
        seen = set()
        while follows is not None and follows.pk not in seen:
            if self.pk and follows.pk == self.pk:
                return False
            seen.add(follows.pk)
            follows = follows.follows
        return True


class PdsaComment(models.Model):
    """Feedback on a cycle: the collaborative's feedback loop between sessions."""

    cycle = models.ForeignKey(
        PdsaCycle, on_delete=models.CASCADE, related_name="comments", verbose_name=_("cycle")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["cycle", "created_at", "pk"]
        verbose_name = _("comment on a PDSA cycle")
        verbose_name_plural = _("comments on PDSA cycles")
        constraints = [
            models.CheckConstraint(condition=~models.Q(body=""), name="pdsa_comment_not_empty"),
        ]

    def __str__(self):
        return f"{self.cycle} · {self.created_at:%Y-%m-%d}"
