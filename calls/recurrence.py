"""The occurrences of a consultation series, computed from its rule (never stored), and
the rule itself as RFC 5545 RRULE and EXDATE values for the course calendar. Both come
from one `dateutil.rrule`, so the site and calendar apps agree on every date."""

from datetime import UTC, datetime, timedelta

from dateutil import rrule

from calls.choices import Frequency

WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_OCCURRENCES = 400  # a weekly series for eight years; a typo in “until” stays cheap


def earliest(series):
    return datetime.combine(series.starts_on, series.start_time, tzinfo=series.zone)


def first_start(series):
    """The first occurrence: a calendar's DTSTART counts as one whatever the rule says,
    so it must be the rule's first date, not the first possible one."""
    start = next(iter(rule(series)), None) or earliest(series)
    return start.replace(tzinfo=series.zone)


def rule(series):
    weekday = WEEKDAYS[series.weekday]
    if series.frequency == Frequency.MONTHLY:
        freq, byweekday = rrule.MONTHLY, weekday(series.ordinal or 1)
    else:
        freq, byweekday = rrule.WEEKLY, weekday
    until = None
    if series.until:
        until = datetime.combine(series.until, series.start_time, tzinfo=series.zone)
    return rrule.rrule(
        freq,
        dtstart=earliest(series),
        byweekday=byweekday,
        until=until,
        count=None if until else (series.count or 1),
    )


def ical_rule(series):
    """The RRULE's parts, as icalendar's `vRecur` takes them."""
    parts = {"freq": series.frequency.upper()}
    day = ICAL_DAYS[series.weekday]
    monthly = series.frequency == Frequency.MONTHLY
    parts["byday"] = f"{series.ordinal or 1}{day}" if monthly else day
    if series.until:
        parts["until"] = datetime.combine(
            series.until, series.start_time, tzinfo=series.zone
        ).astimezone(UTC)  # RFC 5545: UNTIL is UTC when DTSTART has a zone
    else:
        parts["count"] = series.count or 1
    return parts


def occurrences(series, cancelled=None):
    """[(start, end, cancelled?)] of every date of the series, in its own zone."""
    if cancelled is None:
        cancelled = {c.date for c in series.cancellations.all()}
    length = timedelta(minutes=series.duration_minutes)
    found = []
    for number, start in enumerate(rule(series)):
        if number >= MAX_OCCURRENCES:
            break
        start = start.replace(tzinfo=series.zone)  # the wall-clock time, whatever the DST
        found.append((start, start + length, start.date() in cancelled))
    return found


def occurrence_on(series, day):
    """(start, end) of the occurrence on `day`, or None when the series has none then."""
    for start, end, cancelled in occurrences(series):
        if start.date() == day and not cancelled:
            return start, end
    return None
