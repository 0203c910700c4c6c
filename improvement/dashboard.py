"""The improvement panel of a team member's /dashboard/ (the `dashboard_panels` hook):
per team, the next month of data due, the months that are late, and a small run chart
per measure. Two queries however many teams, measures and months (`team_data`)."""

from django.template.loader import render_to_string
from django.utils import timezone

from courses.choices import ProgrammeForm
from improvement import series
from improvement.charts import run_chart
from improvement.models import MonthlyValue
from improvement.months import add_months, month_start
from teams import access


def late_months(measures, reported, last):
    """Months up to `last` in which a required measure has no value (a "no data" with a
    reason counts as reported)."""
    required = [measure for measure in measures if measure.required]
    if not required:
        return []
    first = min(measure.first_month for measure in required)
    return [
        month
        for month in series.months_between(first, last)
        if any(m.first_month <= month and (m.pk, month) not in reported for m in required)
    ]


def team_status(team, measures, values, today):
    reported = set(values)
    last = series.last_month(today)
    late = late_months(measures, reported, last)
    sparklines = []
    for measure in measures:
        months = series.months_between(measure.first_month, last)
        points = [
            values[measure.pk, m].value if (measure.pk, m) in values else None for m in months
        ]
        key = f"dashboard-{team.pk}-{measure.pk}"
        sparklines.append((measure, run_chart(measure, months, points, key=key, compact=True)))
    return {
        "team": team,
        "late": late,
        "next_due": month_start(today),
        "due_from": add_months(month_start(today), 1),
        "sparklines": sparklines,
    }


def team_data(user):
    """(teams, {course id: [measures]}, {team id: {(measure id, month): value}}) of all
    the user's teams: one query (the measures are remembered), remembered for the
    request, which the pre-work panel shares for its baseline items."""
    cache = user.__dict__.setdefault("_improvement_dashboard_cache", {})
    if "teams" not in cache:
        teams = access.user_teams(user)
        courses = {team.course_id for team in teams}
        measures = {pk: group for pk in courses if (group := series.measures_of(pk))}
        values = {}
        by_pk = {m.pk: m for group in measures.values() for m in group}
        for value in MonthlyValue.objects.filter(team__in=teams, measure__in=by_pk):
            value.measure = by_pk[value.measure_id]
            values.setdefault(value.team_id, {})[value.measure_id, value.month] = value
        cache["teams"] = (teams, measures, values)
    return cache["teams"]


def panel(request, today=None):
    teams, measures, values = team_data(request.user)
    teams = [team for team in teams if team.course.programme_form == ProgrammeForm.COLLABORATIVE]
    if not teams:
        return None
    today = today or timezone.localdate()
    statuses = [
        team_status(team, measures[team.course_id], values.get(team.pk, {}), today)
        for team in teams
        if measures.get(team.course_id)
    ]
    if not statuses:
        return None
    return render_to_string(
        "improvement/dashboard_panel.html", {"statuses": statuses}, request=request
    )
