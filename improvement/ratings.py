"""Rating a team on the assessment scale: which months are open, who rates as what,
when a month is closed, and saving a rating.

A team's own rating is written by its members; the faculty rating by the course's
facilitators and editors. Months are open from the course's first month (the earlier of
its start and its measures' first month) to the current month. A month is closed when a
facilitator has locked the team's data for it (`entry.set_locked`): the same lock holds
the data and both ratings, so a checked month stays as it was checked.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.translations import in_reader_language
from courses import access as course_access
from improvement.assessment import AssessmentLevel, AssessmentRating, RaterKind
from improvement.models import Measure, MonthlyValue
from improvement.months import month_start
from improvement.series import months_between
from teams import access


def first_month(course):
    original = course_access.original(course)
    measures = Measure.objects.filter(course=original).order_by("first_month")
    earliest = measures.values_list("first_month", flat=True).first()
    start = month_start(original.start_date)
    return min(start, earliest) if earliest else start


def open_months(course, today=None):
    """Months a team may be rated for, newest first."""
    current = month_start(today or timezone.localdate())
    return months_between(first_month(course), current)[::-1]


def rater_kind(user, team, course):
    """The kind of rating this user gives the team, or None if they give none."""
    if course_access.can_facilitate(user, course):
        return RaterKind.FACULTY
    if team.pk in access.memberships(user, course):
        return RaterKind.SELF
    return None


def locked_months(team):
    """The months of the team a facilitator has locked."""
    locked = MonthlyValue.objects.filter(team=team, locked=True)
    return set(locked.values_list("month", flat=True).distinct())


def levels():
    """{level: AssessmentLevel}, each in the reader's language (one or two queries)."""
    found = in_reader_language(AssessmentLevel.objects.all(), AssessmentLevel.TEXTS)
    return {level.level: level for level in found}


class MonthLocked(Exception):
    pass


def save_rating(team, month, kind, level, note, user):
    """Store the team's rating of this kind for the month, new or changed; raises
    MonthLocked if the month is closed. Two raters saving at once make one row."""
    with transaction.atomic():
        if MonthlyValue.objects.filter(team=team, month=month, locked=True).exists():
            raise MonthLocked
        values = {"level": level, "note": note, "rated_by": user}
        try:
            with transaction.atomic():
                rating, _created = AssessmentRating.objects.update_or_create(
                    team=team, month=month, kind=kind, defaults=values
                )
        except IntegrityError:  # another request created it first: change that one
            AssessmentRating.objects.filter(team=team, month=month, kind=kind).update(**values)
            rating = AssessmentRating.objects.get(team=team, month=month, kind=kind)
    return rating
