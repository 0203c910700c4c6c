"""The Core Data Set on a team's page: a data table per measure, every month from the
first, gaps and reasons shown, only on pages the visitor may see, and a fixed number of
queries whatever the number of months and measures."""

import datetime

from django.utils import timezone

from improvement.choices import MeasureKind
from improvement.models import MonthlyValue
from improvement.months import add_months, month_start
from improvement.team_section import measure_tables
from tests.improvement.conftest import make_measure
from tests.teams.test_pages import count_queries, team_url

JANUARY = datetime.date(2025, 1, 1)
TODAY = datetime.date(2025, 4, 20)


def test_tables_hold_every_month_up_to_last_month(team, measure):
    MonthlyValue.objects.create(
        team=team, measure=measure, month=JANUARY, numerator=3, denominator=4
    )
    MonthlyValue.objects.create(
        team=team, measure=measure, month=datetime.date(2025, 2, 1), no_data_reason="Clinic shut"
    )
    [(table_measure, rows)] = measure_tables(team, team.course, today=TODAY)
    assert table_measure == measure
    assert [month.month for month, _value in rows] == [1, 2, 3]
    assert rows[0][1].value == 75.0 and rows[2][1] is None


def test_team_page_shows_the_tables(client, team, other_team, measure, participant, stranger):
    last = add_months(month_start(timezone.localdate()), -1)
    MonthlyValue.objects.create(
        team=team, measure=measure, month=last, numerator=30, denominator=40, comment="Busy"
    )
    MonthlyValue.objects.create(
        team=other_team, measure=measure, month=last, numerator=1, denominator=7
    )
    client.force_login(participant)
    html = client.get(team_url(team)).content.decode()
    assert "Screened" in html and "75.0" in html and "Busy" in html and "No data" in html
    assert "14.3" not in html  # another team's value
    client.force_login(stranger)
    assert client.get(team_url(team)).status_code == 404


def fill(team, measures, months):
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=measure, month=add_months(JANUARY, n), numerator=n)
        for measure in measures
        for n in range(months)
    )


def test_team_page_costs_fixed_queries(client, team, facilitator, course):
    measures = [make_measure(course, name="Started", kind=MeasureKind.COUNT)]
    fill(team, measures, 12)
    client.force_login(facilitator)
    client.get(team_url(team))  # warm the site and locale caches
    small = count_queries(client, team_url(team))
    MonthlyValue.objects.all().delete()
    measures += [
        make_measure(course, name=f"Measure {n}", kind=MeasureKind.COUNT) for n in range(3)
    ]
    fill(team, measures, 36)
    assert count_queries(client, team_url(team)) == small


def test_team_page_draws_each_chart_labelled_by_its_summary(client, team, measure, participant):
    last = add_months(month_start(timezone.localdate()), -1)
    MonthlyValue.objects.create(team=team, measure=measure, month=last, numerator=3, denominator=4)
    client.force_login(participant)
    for prefix in ("", "/ar"):
        html = client.get(prefix + team_url(team)).content.decode()
        summary = f'id="run-chart-{measure.pk}-summary"'
        assert summary in html
        assert f'role="img" aria-labelledby="run-chart-{measure.pk}-summary"' in html
        assert 'direction="ltr"' in html  # time runs left to right in Arabic too
