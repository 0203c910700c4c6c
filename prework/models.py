"""Pre-work items of a course and who has done them.

Items belong to the course's original (default-language) page, like teams. A manual
item is done when a PreworkTick exists for the team (collaborative) or the participant
(community); the other kinds are never ticked: the site checks them (prework.status).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from prework.choices import PreworkKind
from prework.forms import PreworkItemForm


class PreworkItem(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="prework_items",
        verbose_name=_("course"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("due (days after acceptance)"),
        default=30,
        help_text=_("Counted from the day the team or participant was accepted."),
    )
    kind = models.CharField(
        _("how it is done"), max_length=20, choices=PreworkKind.choices, default=PreworkKind.MANUAL
    )
    modules = models.ManyToManyField(
        "courses.ModulePage",
        blank=True,
        related_name="+",
        verbose_name=_("modules"),
        help_text=_("For “modules completed”: the modules of this course to complete."),
    )
    baseline_months = models.PositiveSmallIntegerField(
        _("months of baseline data"),
        default=3,
        help_text=_("For “baseline data entered”: months of every required measure."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    base_form_class = PreworkItemForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("course"), FieldPanel("title"), FieldPanel("description")],
            heading=_("Pre-work item"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("due_days"), FieldPanel("sort_order")]),
                FieldPanel("kind"),
                FieldPanel("modules"),
                FieldPanel("baseline_months"),
            ],
            heading=_("When and how it is done"),
        ),
    ]

    class Meta:
        ordering = ["course", "sort_order", "due_days", "pk"]
        verbose_name = _("pre-work item")
        verbose_name_plural = _("pre-work items")

    def __str__(self):
        return self.title

    @property
    def is_manual(self):
        return self.kind == PreworkKind.MANUAL


OWNER_IS_TEAM = Q(team__isnull=False, user__isnull=True)
OWNER_IS_PERSON = Q(team__isnull=True, user__isnull=False)


class PreworkTick(models.Model):
    """A manual item marked done for a team or for a participant; deleting it undoes."""

    item = models.ForeignKey(PreworkItem, on_delete=models.CASCADE, related_name="ticks")
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ticked_at = models.DateTimeField(_("ticked"), auto_now_add=True)

    class Meta:
        verbose_name = _("pre-work done")
        constraints = [
            models.CheckConstraint(
                condition=OWNER_IS_TEAM | OWNER_IS_PERSON, name="prework_tick_one_owner"
            ),
            models.UniqueConstraint(
                fields=["item", "team"], condition=OWNER_IS_TEAM, name="unique_prework_team_tick"
            ),
            models.UniqueConstraint(
                fields=["item", "user"],
                condition=OWNER_IS_PERSON,
                name="unique_prework_person_tick",
            ),
        ]

    def __str__(self):
        return f"{self.item} – {self.team or self.user}"


class PreworkReminder(models.Model):
    """The one overdue reminder a person got for an item of their team (or their own)."""

    item = models.ForeignKey(PreworkItem, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("pre-work reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "team", "user"],
                condition=Q(team__isnull=False),
                name="unique_prework_team_reminder",
            ),
            models.UniqueConstraint(
                fields=["item", "user"],
                condition=Q(team__isnull=True),
                name="unique_prework_person_reminder",
            ),
        ]

    def __str__(self):
        return f"{self.item} – {self.user}"
