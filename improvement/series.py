"""What every run chart of a course reads, in a fixed number of queries: the course's
measures, its months, its workshops (learning sessions) and the new baselines a
facilitator started. Shared by the team page, the collaborative view and the dashboard."""

from courses import access
from courses.models import WorkshopPage
from courses.progress import live_children_by_course
from improvement.models import Measure
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


def course_measures(course):
    return list(Measure.objects.filter(course=access.original(course)))


def course_workshops(course):
    """[(month, workshop)] of the course's live workshops in date order, each in the
    reader's language where translated."""
    children = live_children_by_course([course], WorkshopPage).get(course.pk, [])
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
