"""Attendance records: the days of a workshop, who was there, saving a checklist, and
the two contributions attendance makes to a course: a completion criterion and hours."""

from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q

from attendance.models import Attendance
from courses import access
from courses.choices import EnrolmentRole
from courses.completion import update_completions
from courses.models import WorkshopPage


def workshop_days(workshop):
    """Every date of the workshop, as the clock at the venue reads them."""
    return [start.date() for start, _end in workshop.day_sessions()]


def hours_per_day(workshop):
    """A one-day session lasts from start to end; a multi-day workshop runs from the
    first day's start time to the last day's end time on each of its days."""
    starts, ends = workshop.local_starts_at, workshop.local_ends_at
    if starts.date() == ends.date():
        return (ends - starts).total_seconds() / 3600
    daily = ends.replace(year=starts.year, month=starts.month, day=starts.day) - starts
    return max(daily.total_seconds() / 3600, 0)


def participants_of(course):
    return access.members(course, EnrolmentRole.PARTICIPANT).order_by("display_name", "username")


def attended_days(workshops, users):
    """{(user id, workshop id, day)} for these users and workshops, in one query."""
    rows = Attendance.objects.filter(workshop__in=workshops, user__in=users)
    return set(rows.values_list("user_id", "workshop_id", "day"))


def parse_marks(values, participants, days):
    """The checked boxes (“<user id>:<YYYY-MM-DD>”) as {(user id, day)}; a box for someone
    or some day not on the list is a forged form, answered with ValueError."""
    allowed_users = {user.pk for user in participants}
    allowed_days = {day.isoformat(): day for day in days}
    marks = set()
    for value in values:
        user_id, _sep, day = value.partition(":")
        if not user_id.isdigit() or int(user_id) not in allowed_users or day not in allowed_days:
            raise ValueError(value)
        marks.add((int(user_id), allowed_days[day]))
    return marks


def save_attendance(course, workshop, participants, marks, recorded_by):
    """Make the stored attendance of these participants equal the marks, and complete
    the course for anyone this finishes. One transaction."""
    with transaction.atomic():
        stored = Attendance.objects.filter(workshop=workshop, user__in=participants)
        existing = set(stored.values_list("user_id", "day"))
        removed = [Q(user_id=user_id, day=day) for user_id, day in existing - marks]
        if removed:
            stored.filter(reduce(or_, removed)).delete()
        Attendance.objects.bulk_create(
            Attendance(user_id=user_id, workshop=workshop, day=day, recorded_by=recorded_by)
            for user_id, day in marks - existing
        )
        update_completions(course, {user_id for user_id, _day in marks - existing})


def required_attendance_criterion(course, user_ids):
    """The users among `user_ids` who attended every day of every live workshop marked
    “attendance required”, or None when no workshop requires it."""
    workshops = list(WorkshopPage.objects.child_of(course).live().filter(required=True))
    if not workshops:
        return None
    attended = attended_days(workshops, user_ids)
    needed = [(workshop.pk, day) for workshop in workshops for day in workshop_days(workshop)]
    return {
        user_id
        for user_id in user_ids
        if all((user_id, workshop_id, day) in attended for workshop_id, day in needed)
    }


def attended_hours(course, user):
    """Hours of the workshop days the user attended."""
    workshops = {w.pk: w for w in WorkshopPage.objects.child_of(course).live()}
    attended = attended_days(workshops.values(), [user])
    return sum(hours_per_day(workshops[workshop_id]) for _u, workshop_id, _d in attended)
