"""Informational calls (one-off, before a course's application period, with registration
and a waiting list) and consultation series (recurring calls between learning sessions,
with attendance and case-presentation offers per occurrence).

Calls and series belong to a course's original (default-language) page, like teams and
enrolments, so a course and its translations share them.
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from calls.choices import Frequency, OfferStatus, Ordinal, RegistrationStatus, Weekday
from core.validators import validate_time_zone

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def course_field():
    return models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
    )


class InformationalCall(models.Model):
    """An online session before the application period, open to anyone signed in."""

    course = course_field()
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    join_url = models.URLField(
        _("join link"), help_text=_("Sent to the people registered, never shown to others.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("Beyond it, people join the waiting list.")
    )
    recording_url = models.URLField(_("recording"), blank=True)
    # Plain text, shown with its paragraphs: facilitators write it on the site too.
    questions_and_answers = models.TextField(_("questions and answers"), blank=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("join_url"), FieldPanel("capacity")]),
        FieldPanel("recording_url"),
        FieldPanel("questions_and_answers"),
    ]

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("informational call")
        verbose_name_plural = _("informational calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="call_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The call must end after it starts.")})

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    @property
    def hours(self):
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class CallRegistration(models.Model):
    """A person's place on a call, or on its waiting list (first come, first promoted)."""

    call = models.ForeignKey(
        InformationalCall, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_registrations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default="registered"
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    attended = models.BooleanField(_("attended"), default=False)
    # The reminder's sent-record: set by the run that sends it, cleared if sending fails.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["call", "registered_at", "pk"]
        verbose_name = _("call registration")
        verbose_name_plural = _("call registrations")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="unique_call_registration")
        ]

    def __str__(self):
        return f"{self.user} – {self.call}"


class ConsultationSeries(ClusterableModel):
    """A recurring consultation call, defined once: e.g. monthly, on the second Tuesday,
    at 14:00 Amman time. Its occurrences are computed (calls.recurrence)."""

    course = course_field()
    title = models.CharField(_("title"), max_length=200)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    ordinal = models.SmallIntegerField(
        _("week of the month"),
        choices=Ordinal.choices,
        null=True,
        blank=True,
        help_text=_("Monthly series only: which of the month's weekdays."),
    )
    start_time = models.TimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), default=60)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    starts_on = models.DateField(_("first possible date"))
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(
        _("number of calls"), null=True, blank=True, help_text=_("Or an end date.")
    )
    join_url = models.URLField(_("join link"), blank=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("frequency"), FieldPanel("ordinal"), FieldPanel("weekday")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("start_time"),
                        FieldPanel("duration_minutes"),
                        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
                    ]
                ),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("until"), FieldPanel("count")]),
            ],
            heading=_("When"),
        ),
        FieldPanel("join_url"),
        InlinePanel("cancellations", heading=_("Cancelled dates"), label=_("cancelled date")),
    ]

    class Meta:
        ordering = ["course", "title"]
        verbose_name = _("consultation series")
        verbose_name_plural = _("consultation series")

    def __str__(self):
        return self.title

    def clean(self):
        if self.frequency == Frequency.MONTHLY and self.ordinal is None:
            raise ValidationError({"ordinal": _("Choose which weekday of the month.")})
        if self.until is None and not self.count:
            raise ValidationError({"until": _("Give an end date or a number of calls.")})
        if self.until and self.starts_on and self.until < self.starts_on:
            raise ValidationError({"until": _("The end date is before the first date.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def hours(self):
        return self.duration_minutes / 60


class ConsultationCancellation(models.Model):
    """A date on which the series does not meet (an EXDATE in the calendar)."""

    series = ParentalKey(ConsultationSeries, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta:
        ordering = ["series", "date"]
        constraints = [
            models.UniqueConstraint(fields=["series", "date"], name="unique_consultation_cancel")
        ]

    def __str__(self):
        return f"{self.series} – {self.date}"


class ConsultationAttendance(models.Model):
    """Someone was at one occurrence of a series (its date, in the series' zone)."""

    series = models.ForeignKey(
        ConsultationSeries, on_delete=models.CASCADE, related_name="attendances"
    )
    date = models.DateField(_("date"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_attendances"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["series", "date", "user"], name="unique_consultation_attendance"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.series} – {self.date}"


class CaseOffer(models.Model):
    """A participant offers to present a case on one occurrence; facilitators decide."""

    series = models.ForeignKey(ConsultationSeries, on_delete=models.CASCADE, related_name="offers")
    date = models.DateField(_("date"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_offers"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000)
    no_health_information = models.BooleanField(
        _("contains no personal health information"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.PENDING
    )
    offered_at = models.DateTimeField(_("offered"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["date", "offered_at", "pk"]
        verbose_name = _("case presentation offer")
        verbose_name_plural = _("case presentation offers")
        constraints = [
            models.UniqueConstraint(fields=["series", "date", "user"], name="unique_case_offer"),
            models.CheckConstraint(
                condition=models.Q(no_health_information=True), name="case_offer_confirmed_no_phi"
            ),
        ]

    def __str__(self):
        return self.title
