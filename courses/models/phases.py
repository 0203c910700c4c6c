from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from courses.choices import PhaseKind


class CoursePhase(Orderable):
    """One dated stage of a course's life cycle (applications, pre-work…): the course
    page's timeline, the index's next milestone and all-day events in the calendar.
    Dates are inclusive days; phases of one course never overlap (CoursePageForm)."""

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=30, choices=PhaseKind.choices)
    title = models.CharField(
        _("title"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the name of the phase."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})

    @property
    def label(self):
        return self.title or self.get_kind_display()

    def overlaps(self, other):
        return self.starts_on <= other.ends_on and other.starts_on <= self.ends_on
