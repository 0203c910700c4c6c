"""The Core Data Set on a team's page (the `team_page_sections` hook of teams): one data
table per measure of the course, every month from the measure's first to last month, a
gap shown as a gap. Two queries whatever the number of measures and months: the
measures, then the team's values for all of them."""

from django.template.loader import render_to_string
from django.utils import timezone

from courses import access
from improvement.models import Measure, MonthlyValue
from improvement.months import add_months, month_start


def months_between(first, last):
    months = []
    while first <= last:
        months.append(first)
        first = add_months(first, 1)
    return months


def measure_tables(team, course, today=None):
    """[(measure, [(month, MonthlyValue or None)])], measures in their sort order."""
    measures = list(Measure.objects.filter(course=access.original(course)))
    values = {
        (value.measure_id, value.month): value
        for value in MonthlyValue.objects.filter(team=team, measure__in=measures)
    }
    last_month = add_months(month_start(today or timezone.localdate()), -1)
    tables = []
    for measure in measures:
        stored = [month for measure_id, month in values if measure_id == measure.pk]
        last = max([last_month, *stored])
        rows = []
        for month in months_between(measure.first_month, last):
            value = values.get((measure.pk, month))
            if value is not None:
                value.measure = measure  # its `value` reads the kind without a query
            rows.append((month, value))
        tables.append((measure, rows))
    return tables


def render(team, course, request):
    tables = measure_tables(team, course)
    if not tables:
        return None
    context = {"team": team, "course": course, "tables": tables}
    return render_to_string("improvement/team_section.html", context, request=request)
