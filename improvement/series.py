"""What every run chart of a course reads, in a fixed number of queries: the course's
measures, its months, its workshops (learning sessions) and the new baselines a
facilitator started. Shared by the team page, the collaborative view and the dashboard."""

from core.caching import remembered
from courses import access
from courses.progress import remembered_structure
from improvement.models import Measure, MonthlyValue
from improvement.months import add_months, month_start


def last_month(today):
    """The latest month a team can have reported: the one before today's."""
    return add_months(month_start(today), -1)


def months_between(first, last):
    months = []
    while first <= last:
        months.append(first)
        first = add_months(first, 1)
    return months


# Bumped by every save or deletion of a measure (improvement.apps).
MEASURES_SCOPE = "measures"


def course_measures(course):
    return measures_of(access.original(course).pk)


def measures_of(course_id):
    """The measures of an original course, which every reader shares: remembered until a
    measure changes or something is published."""

    def build():
        return list(Measure.objects.filter(course_id=course_id))

    return remembered(f"measures:{course_id}", build, scopes=[MEASURES_SCOPE])


def team_values(team):
    """{(measure id, month): MonthlyValue} of the team for its course's measures, each
    value with its measure: one query, remembered on the team object for the request,
    so the sections of the team's page (charts, data status, pre-work) share it."""
    cache = team.__dict__.setdefault("_improvement_cache", {})
    if "values" not in cache:
        by_pk = {measure.pk: measure for measure in measures_of(team.course_id)}
        values = {}
        for value in MonthlyValue.objects.filter(team=team, measure__in=list(by_pk)):
            value.measure = by_pk[value.measure_id]  # its `value` reads the kind
            values[value.measure_id, value.month] = value
        cache["values"] = values
    return cache["values"]


def course_workshops(course):
    """[(month, workshop)] of the course's live workshops in date order, each in the
    reader's language where translated (the course's remembered structure)."""
    children = remembered_structure(course)[1] if course.pk else []
    workshops = sorted((workshop for _path, workshop in children), key=lambda w: w.starts_at)
    return [(month_start(workshop.starts_at.date()), workshop) for workshop in workshops]


def baselines_by_team_measure(baselines):
    """{(team id, measure id): [Baseline] oldest first}."""
    grouped = {}
    for baseline in baselines.order_by("first_month"):
        grouped.setdefault((baseline.team_id, baseline.measure_id), []).append(baseline)
    return grouped


def baseline_starts(measure, months, baselines=None):
    """[(first index, months)]: the measure's own baseline, then each new one whose first
    month is on the chart."""
    index = {month: number for number, month in enumerate(months)}
    starts = [(0, measure.baseline_months)]
    starts += [
        (index[b.first_month], b.months) for b in baselines or [] if index.get(b.first_month)
    ]
    return starts
