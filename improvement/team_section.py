"""The Core Data Set on a team's page (the `team_page_sections` hook of teams): per
measure of the course, its run chart, the chart's summary in words and its data table,
every month from the measure's first to last month, a gap shown as a gap. A fixed number
of queries whatever the number of measures, months and PDSA cycles: the team's values
for all the measures (shared with the page's other sections), its new baselines and its
cycles, each marked on the charts of its measures; the measures and the course's
workshops are remembered."""

from django.template.loader import render_to_string
from django.utils import timezone

from improvement import series
from improvement.charts import run_chart
from improvement.models import Baseline
from improvement.pdsa import cycles_by_measure


def measure_tables(team, course, today=None):
    """[(measure, [(month, MonthlyValue or None)])], measures in their sort order."""
    measures = series.course_measures(course)
    values = series.team_values(team)
    last_month = series.last_month(today or timezone.localdate())
    tables = []
    for measure in measures:
        stored = [month for measure_id, month in values if measure_id == measure.pk]
        rows = []
        for month in series.months_between(measure.first_month, max([last_month, *stored])):
            rows.append((month, values.get((measure.pk, month))))
        tables.append((measure, rows))
    return tables


def measure_charts(team, course, today=None):
    """[(measure, chart, rows)] for the team's page."""
    tables = measure_tables(team, course, today)
    if not tables:
        return []
    baselines = series.baselines_by_team_measure(
        Baseline.objects.filter(team=team, measure__in=[measure for measure, _rows in tables])
    )
    workshops = series.course_workshops(course)
    cycles = cycles_by_measure(course, [team])
    charts = []
    for measure, rows in tables:
        months = [month for month, _value in rows]
        values = [value.value if value else None for _month, value in rows]
        starts = series.baseline_starts(measure, months, baselines.get((team.pk, measure.pk)))
        marked = cycles.get((team.pk, measure.pk), [])
        chart = run_chart(measure, months, values, starts, workshops, cycles=marked)
        charts.append((measure, chart, rows))
    return charts


def render(team, course, request):
    charts = measure_charts(team, course)
    if not charts:
        return None
    context = {"team": team, "course": course, "charts": charts}
    return render_to_string("improvement/team_section.html", context, request=request)
