"""The collaborative view of a course's measures: every team's run chart as a small
multiple, the collaborative's aggregate as its own charts, how many teams show a signal
of improvement, and every value for the CSV. A fixed number of queries whatever the
number of teams, measures and months.

A team that chose not to be named to its peers (`Team.named_to_peers`) is "A team" to the
other members; its own members, the course's facilitators and editors see its name.

"Finding a team to learn from": under each measure, the teams whose latest run-chart
segment shows a signal of improvement (a shift on the better side of the median or a
trend in the better direction, `charts.is_improving`), with their PDSA cycles on that
measure. Only a team that shares with the collaborative (named to its peers) shows its
cycles and can be contacted; the others are counted as "A team".
"""

import statistics
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from courses import access as course_access
from improvement import series, small_multiples
from improvement.charts import run_chart
from improvement.choices import RATIO_KINDS, MeasureKind
from improvement.models import Baseline, MonthlyValue
from improvement.pdsa import cycles_by_measure, leaders
from teams import access


@dataclass
class MeasureView:
    measure: object
    pooled: object  # chart of the sum of numerators over the sum of denominators
    median: object  # chart of the median of the teams' values
    teams: list  # [(shown name, SmallMultiple)]
    improving: int
    learning_from: list = field(default_factory=list)  # [TeamToLearnFrom]

    @property
    def rows(self):
        """[(month, pooled value, median of the teams)] for the data table."""
        return list(zip(self.pooled.months, self.pooled.values, self.median.values, strict=True))


@dataclass
class TeamToLearnFrom:
    name: str
    team: object
    cycles: list  # [(start month, cycle, url)]: empty for a team that does not share
    readable: bool  # the viewer may open the team's cycles
    contactable: bool  # "Contact this team": it shares, has a leader, is not the viewer's


def teams_to_learn_from(measure, teams, team_charts, context):
    """[TeamToLearnFrom] of the teams whose chart of `measure` shows improvement."""
    mine, facilitating, cycles, with_leader = context
    found = []
    for team, (name, chart) in zip(teams, team_charts, strict=True):
        if not chart.improving:
            continue
        readable = team.pk in mine or facilitating
        shares = team.named_to_peers or readable
        found.append(
            TeamToLearnFrom(
                name=name,
                team=team,
                cycles=cycles.get((team.pk, measure.pk), []) if shares else [],
                readable=readable,
                contactable=team.named_to_peers and team.pk in with_leader and team.pk not in mine,
            )
        )
    return found


def shown_name(team, mine, facilitating):
    if team.named_to_peers or team.pk in mine or facilitating:
        return team.name
    return _("A team")


def course_values(course, measures, teams):
    """{(team id, measure id, month): MonthlyValue}, each value knowing its measure."""
    by_pk = {measure.pk: measure for measure in measures}
    values = {}
    for value in MonthlyValue.objects.filter(measure__in=measures, team__in=teams):
        value.measure = by_pk[value.measure_id]
        values[value.team_id, value.measure_id, value.month] = value
    return values


@dataclass(slots=True)
class Reading:
    """What the charts read of a MonthlyValue, without building the model instance: at
    50 teams × 4 measures × 36 months, making 7,200 instances was a third of the view."""

    numerator: object
    denominator: object
    value: float | None


def course_readings(measures, teams):
    """{(team id, measure id, month): Reading} of the teams' values: one query."""
    by_pk = {measure.pk: measure for measure in measures}
    rows = MonthlyValue.objects.filter(measure__in=measures, team__in=teams)
    # Unordered: the default order joins the teams and measures only to sort 7,200 rows.
    rows = rows.order_by().values_list("team_id", "measure_id", "month", "numerator", "denominator")
    return {
        (team_id, measure_id, month): Reading(
            numerator, denominator, by_pk[measure_id].value_of(numerator, denominator)
        )
        for team_id, measure_id, month, numerator, denominator in rows
    }


def pooled_value(measure, rows):
    """The collaborative's value for one month from its teams' values (None: no data)."""
    rows = [row for row in rows if row is not None and row.numerator is not None]
    if measure.kind in RATIO_KINDS:
        rows = [row for row in rows if row.denominator]
        if not rows:
            return None
        return measure.value_of(sum(r.numerator for r in rows), sum(r.denominator for r in rows))
    if not rows:
        return None
    if measure.kind == MeasureKind.COUNT:
        return float(sum(row.numerator for row in rows))
    return statistics.median(row.value for row in rows)  # a mean of means would mislead


def teams_median(rows):
    known = [row.value for row in rows if row is not None and row.value is not None]
    return float(statistics.median(known)) if known else None


def measure_views(course, user, today=None):
    """[MeasureView] for the course, teams named as `user` may see them."""
    measures = series.course_measures(course)
    teams = list(access.course_teams(course))
    if not measures:
        return []
    values = course_readings(measures, teams)
    mine = access.memberships(user, course)
    facilitating = course_access.can_facilitate(user, course)
    names = [shown_name(team, mine, facilitating) for team in teams]
    learning = (mine, facilitating, cycles_by_measure(course, teams), leaders(teams))
    course_data = (
        teams,
        names,
        values,
        series.baselines_by_team_measure(Baseline.objects.filter(measure__in=measures)),
        series.course_workshops(course),
    )
    latest = {}  # {measure id: its latest month with a value}
    for _team_id, measure_id, month in values:
        latest[measure_id] = max(month, latest.get(measure_id, month))
    last = series.last_month(today or timezone.localdate())
    views = []
    for measure in measures:
        months = series.months_between(measure.first_month, max(last, latest.get(measure.pk, last)))
        view = measure_view(measure, months, course_data)
        view.learning_from = teams_to_learn_from(measure, teams, view.teams, learning)
        views.append(view)
    return views


def measure_view(measure, months, course_data):
    """One measure's MeasureView: each team's chart, then the collaborative's two."""
    teams, names, values, baselines, workshops = course_data
    grid = [[values.get((team.pk, measure.pk, month)) for month in months] for team in teams]
    series_of_teams = [
        (
            team.pk,
            [row.value if row else None for row in rows],
            series.baseline_starts(measure, months, baselines.get((team.pk, measure.pk))),
        )
        for team, rows in zip(teams, grid, strict=True)
    ]
    charts = small_multiples.team_charts(measure, months, series_of_teams)
    team_charts = list(zip(names, charts, strict=True))
    columns = list(zip(*grid, strict=True)) if grid else [() for _month in months]
    pooled = run_chart(
        measure, months, [pooled_value(measure, rows) for rows in columns], (), workshops,
        key=f"{measure.pk}-all",
    )  # fmt: skip
    median = run_chart(
        measure, months, [teams_median(rows) for rows in columns], (), workshops,
        key=f"{measure.pk}-median",
    )  # fmt: skip
    improving = sum(chart.improving for _name, chart in team_charts)
    return MeasureView(measure, pooled, median, team_charts, improving)


def csv_rows(course):
    """Every value of the course's teams, for facilitators and editors: one row a month."""
    measures = series.course_measures(course)
    teams = list(access.course_teams(course))
    values = course_values(course, measures, teams)
    team_order = {team.pk: (n, team) for n, team in enumerate(teams)}
    measure_order = {measure.pk: n for n, measure in enumerate(measures)}
    ordered = sorted(
        values.values(),
        key=lambda v: (team_order[v.team_id][0], measure_order[v.measure_id], v.month),
    )
    rows = []
    for value in ordered:
        team = team_order[value.team_id][1]
        rows.append([
            team.name, team.organisation, team.country, value.measure.name, value.month,
            value.numerator, value.denominator, value.value, value.no_data_reason,
            value.comment, value.locked,
        ])  # fmt: skip
    return rows


CSV_HEADER = [
    "team", "organisation", "country", "measure", "month", "numerator", "denominator",
    "value", "no_data_reason", "comment", "locked",
]  # fmt: skip
