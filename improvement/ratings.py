"""Rating a team on the assessment scale: which months are open, who rates as what,
when a month is closed, and saving a rating.

A team's own rating is written by its members; the faculty rating by the course's
facilitators and editors. Months are open from the course's first month (the earlier of
its start and its measures' first month) to the current month. A month is closed when a
facilitator has locked the team's data for it (`entry.set_locked`): the same lock holds
the data and both ratings, so a checked month stays as it was checked.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from core.caching import remembered
from core.translations import in_reader_language, reader_rows
from courses import access as course_access
from improvement.assessment import AssessmentLevel, AssessmentRating, RaterKind
from improvement.models import MonthlyValue
from improvement.months import month_start
from improvement.series import measures_of, months_between
from teams import access


def first_month(course):
    original = course_access.original(course)
    earliest = min((m.first_month for m in measures_of(original.pk)), default=None)
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
    if access.team_membership(user, team, course) is not None:
        return RaterKind.SELF
    return None


def locked_months(team):
    """The months of the team a facilitator has locked."""
    locked = MonthlyValue.objects.filter(team=team, locked=True)
    return set(locked.values_list("month", flat=True).distinct())


# Bumped by every change of a level or of its translations (improvement.apps).
LEVELS_SCOPE = "assessment-levels"


def levels():
    """{level: AssessmentLevel}, each in the reader's language: the levels and their rows
    in that language remembered until one changes or something is published."""
    language = translation.get_language()

    def build():
        found = list(AssessmentLevel.objects.all())
        if found and language != settings.LANGUAGE_CODE:
            reader_rows(found, language)
        return found

    found = remembered(f"assessment-levels:{language}", build, scopes=[LEVELS_SCOPE])
    return {level.level: level for level in in_reader_language(found, AssessmentLevel.TEXTS)}


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
