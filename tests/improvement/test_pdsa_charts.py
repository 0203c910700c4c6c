"""Each PDSA cycle is marked on the run charts of its measures at its start month, with
a link to it listed beside the chart (not only drawn), at a fixed cost in queries."""

import datetime

from improvement.charts import run_chart
from improvement.choices import MeasureKind
from improvement.models import MonthlyValue
from improvement.months import add_months
from tests.improvement.conftest import make_measure
from tests.improvement.test_pdsa import cycle_url, make_cycle
from tests.teams.test_pages import count_queries, team_url

JANUARY = datetime.date(2025, 1, 1)


def test_a_cycle_shows_on_its_measures_chart_only(client, team, measure, course, participant):
    other = make_measure(
        course, name="Followed up within 7 days", kind=MeasureKind.COUNT, sort_order=1
    )
    for month in range(6):
        for each in (measure, other):
            MonthlyValue.objects.create(
                team=team, measure=each, month=add_months(JANUARY, month), numerator=month + 1,
                denominator=10,
            )  # fmt: skip
    cycle = make_cycle(team, [measure], change_idea="PHQ-9 handed out at intake")
    client.force_login(participant)
    html = client.get(team_url(team)).content.decode()
    assert html.count('class="run-chart__cycle"') == 1
    assert html.count(f'href="{cycle_url(cycle)}"') == 1
    assert "P1: <a" in html and "<title>PHQ-9 handed out at intake</title>" in html
    first_chart = html.index(f'id="measure-{measure.pk}"')
    second_chart = html.index(f'id="measure-{other.pk}"')
    assert first_chart < html.index(cycle_url(cycle)) < second_chart


def test_cycles_are_marked_at_their_start_month_and_stacked():
    class Measure:
        pk, baseline_months, goal_value, direction = 1, 6, None, "higher"

    months = [add_months(JANUARY, n) for n in range(6)]
    cycles = [
        (add_months(JANUARY, 2), "first", "/a/"),
        (add_months(JANUARY, 2), "second", "/b/"),
        (add_months(JANUARY, 9), "later", "/c/"),  # after the chart's months: not marked
    ]
    chart = run_chart(Measure(), months, [1, 2, 3, 4, 5, 6], cycles=cycles)
    (x1, y1, n1, first, _u1), (x2, y2, n2, second, _u2) = chart.cycles
    assert (first, second, n1, n2) == ("first", "second", 1, 2)
    assert x1 == x2 == chart.points[2].x and float(y2) < float(y1)
    compact = run_chart(Measure(), months, [1, 2, 3, 4, 5, 6], compact=True, cycles=cycles)
    assert compact.cycles == []


def test_the_team_page_costs_the_same_with_1_or_12_cycles(client, team, measure, facilitator):
    other = make_measure(team.course, name="Calls", kind=MeasureKind.COUNT)
    MonthlyValue.objects.bulk_create(
        MonthlyValue(
            team=team, measure=each, month=add_months(JANUARY, n), numerator=n, denominator=20
        )
        for each in (measure, other)
        for n in range(12)
    )
    make_cycle(team, [measure])
    client.force_login(facilitator)
    client.get(team_url(team))  # warm the site and locale caches
    small = count_queries(client, team_url(team))
    previous = None
    for n in range(11):
        previous = make_cycle(
            team, [measure, other], change_idea=f"Cycle {n}", follows=previous,
            start_date=datetime.date(2025, 1 + n, 5),
        )  # fmt: skip
    assert count_queries(client, team_url(team)) == small
    assert client.get(team_url(team)).content.decode().count('class="run-chart__cycle"') == 23
