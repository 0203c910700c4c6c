"""Entering a team's monthly values: which months are open, the form of one month, and
saving one month or several all or nothing, with a ValueChange for every change.

A month is open from the course's earliest first month to last month; a measure takes
values only from its own first month. A locked month refuses every change. Each form
carries the month's version (its latest change): a submit made from an older version
is refused as stale (409) unless it changes nothing, so a double submit changes
nothing and is told so.
"""

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.validators import control_character
from improvement.models import Measure, MonthlyValue, ValueChange
from improvement.months import add_months, month_start

MAX_NUMBER = 10**10  # max_digits=12 with 2 decimal places


def last_month(today=None):
    return add_months(month_start(today or timezone.localdate()), -1)


def open_months(measures, today=None):
    """Months a team may enter, newest first: the earliest first month to last month."""
    if not measures:
        return []
    month, last = min(m.first_month for m in measures), last_month(today)
    months = []
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months[::-1]


def parse_month(text):
    """The month that "YYYY-MM" names, or None."""
    try:
        return datetime.datetime.strptime(text or "", "%Y-%m").date()
    except ValueError:
        return None


def course_measures(course):
    return list(Measure.objects.filter(course=course))


def stored_values(team, measures, months):
    """{(measure id, month): MonthlyValue} of the team for these months, in one query."""
    values = MonthlyValue.objects.filter(team=team, measure__in=measures, month__in=months)
    by_measure = {measure.pk: measure for measure in measures}
    stored = {}
    for value in values:
        value.measure = by_measure[value.measure_id]  # no query to read its kind
        stored[(value.measure_id, value.month)] = value
    return stored


def version_of(values):
    """The version of a month's values: when the latest of them changed."""
    times = [value.updated_at for value in values if value.updated_at]
    return max(times).isoformat() if times else ""


def number_field(label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_NUMBER - 1,
        max_digits=12,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a number, such as 12 or 12.5."),
            "min_value": _("Enter zero or more: a count cannot be negative."),
        },
    )


def plain_text(value):
    if control_character(value):
        raise forms.ValidationError(_("Remove the control characters from this text."))


class MonthForm(forms.Form):
    """Every measure of one month of one team: a numerator, a denominator when the
    measure has one, a comment; or "no data this month" with a reason."""

    version = forms.CharField(required=False, widget=forms.HiddenInput)
    no_data = forms.BooleanField(label=_("No data this month"), required=False)
    no_data_reason = forms.CharField(
        label=_("Why there are no data"),
        required=False,
        max_length=300,
        validators=[plain_text],
    )

    def __init__(self, measures, month, stored, *args, with_comments=True, **kwargs):
        kwargs.setdefault("prefix", f"{month:%Y-%m}")
        super().__init__(*args, **kwargs)
        self.month = month
        self.measures = [m for m in measures if m.first_month <= month]
        self.stored = {m.pk: stored.get((m.pk, month)) for m in self.measures}
        self.fields["version"].initial = version_of(v for v in self.stored.values() if v)
        reasons = {v.no_data_reason for v in self.stored.values() if v and v.no_data_reason}
        self.fields["no_data"].initial = bool(reasons)
        self.fields["no_data_reason"].initial = next(iter(reasons), "")
        for measure in self.measures:
            value = self.stored[measure.pk]
            self.fields[f"{measure.pk}-numerator"] = number_field(measure.numerator_label)
            if measure.denominator_label:
                self.fields[f"{measure.pk}-denominator"] = number_field(measure.denominator_label)
            if with_comments:
                self.fields[f"{measure.pk}-comment"] = forms.CharField(
                    label=_("Comment"),
                    required=False,
                    max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    validators=[plain_text],
                )
            if value:
                self.initial.update(
                    {
                        f"{measure.pk}-numerator": value.numerator,
                        f"{measure.pk}-denominator": value.denominator,
                        f"{measure.pk}-comment": value.comment,
                    }
                )

    @property
    def locked(self):
        return any(value and value.locked for value in self.stored.values())

    def rows(self):
        """[(measure, numerator field, denominator field or None, comment field or None)]."""
        return [
            (
                measure,
                self[f"{measure.pk}-numerator"],
                self[f"{measure.pk}-denominator"] if measure.denominator_label else None,
                self[f"{measure.pk}-comment"] if f"{measure.pk}-comment" in self.fields else None,
            )
            for measure in self.measures
        ]

    def clean(self):
        data = super().clean()
        if data.get("no_data"):
            if not data.get("no_data_reason"):
                self.add_error("no_data_reason", _("Say why there are no data this month."))
            return data
        for measure in self.measures:
            numerator = data.get(f"{measure.pk}-numerator")
            denominator = data.get(f"{measure.pk}-denominator")
            field = f"{measure.pk}-numerator"
            if not measure.denominator_label or field in self.errors:
                continue
            if (numerator is None) != (denominator is None):
                message = _("Enter both numbers, or neither.")
                self.add_error(field, message)
            elif numerator is not None and numerator > denominator:
                message = _("The numerator cannot be more than the denominator (%(d)s).")
                self.add_error(field, message % {"d": f"{denominator:g}"})
        return data

    def wanted(self):
        """{measure id: (numerator, denominator, reason, comment)} the cleaned form asks
        for; None where the form leaves the measure empty."""
        data = self.cleaned_data
        reason = data["no_data_reason"] if data.get("no_data") else ""
        wanted = {}
        for measure in self.measures:
            comment = data.get(f"{measure.pk}-comment", None)
            if comment is None:  # a form without comments keeps the stored ones
                stored = self.stored[measure.pk]
                comment = stored.comment if stored else ""
            if reason:
                wanted[measure.pk] = (None, None, reason, comment)
                continue
            numerator = data.get(f"{measure.pk}-numerator")
            denominator = data.get(f"{measure.pk}-denominator")
            empty = numerator is None and not comment
            wanted[measure.pk] = None if empty else (numerator, denominator, "", comment)
        return wanted

    def changes(self):
        """[(measure, stored value or None, wanted tuple or None)] that differ."""
        changed, wanted = [], self.wanted()
        for measure in self.measures:
            stored = self.stored[measure.pk]
            new = wanted[measure.pk]
            old = (
                (stored.numerator, stored.denominator, stored.no_data_reason, stored.comment)
                if stored
                else None
            )
            if old != new and not (old == (None, None, "", "") and new is None):
                changed.append((measure, stored, new))
        return changed

    def is_stale(self):
        return self.cleaned_data.get("version", "") != self.fields["version"].initial


@transaction.atomic
def save_changes(team, month_forms, user):
    """Write every change of every valid form, each with its ValueChange. Returns how
    many values changed."""
    count = 0
    for form in month_forms:
        for measure, stored, new in form.changes():
            numerator, denominator, reason, comment = new or (None, None, "", "")
            value = stored or MonthlyValue(team=team, measure=measure, month=form.month)
            old = (value.numerator, value.denominator)
            value.numerator, value.denominator = numerator, denominator
            value.no_data_reason, value.comment, value.entered_by = reason, comment, user
            value.save()
            ValueChange.objects.create(
                value=value,
                changed_by=user,
                old_numerator=old[0],
                old_denominator=old[1],
                new_numerator=numerator,
                new_denominator=denominator,
            )
            count += 1
    return count


@transaction.atomic
def set_locked(team, measures, month, locked):
    """Lock or unlock a team's month; locking gives every measure a row to hold it."""
    if locked:
        MonthlyValue.objects.bulk_create(
            [
                MonthlyValue(team=team, measure=m, month=month)
                for m in measures
                if m.first_month <= month
            ],
            ignore_conflicts=True,
        )
    MonthlyValue.objects.filter(team=team, measure__in=measures, month=month).update(
        locked=locked, updated_at=timezone.now()
    )
