"""A team member's dashboard: the next data due, the late months, a small chart per
measure; nothing for someone in no team; three queries however many months."""

import datetime

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from improvement import dashboard
from improvement.choices import MeasureKind
from improvement.models import MonthlyValue
from improvement.months import add_months
from tests.improvement.conftest import make_measure

TODAY = datetime.date(2025, 6, 10)


def panel(user):
    request = RequestFactory().get("/dashboard/")
    request.user = user
    return dashboard.panel(request, today=TODAY)


def test_member_sees_late_months_next_due_and_charts(team, participant, stranger):
    measure = make_measure(team.course, first_month=datetime.date(2025, 1, 1))
    optional = make_measure(team.course, name="Optional", kind=MeasureKind.COUNT, required=False)
    for month in (1, 2, 4):
        MonthlyValue.objects.create(
            team=team, measure=measure, month=datetime.date(2025, month, 1), numerator=1,
            denominator=2,
        )  # fmt: skip
    MonthlyValue.objects.create(
        team=team, measure=measure, month=datetime.date(2025, 5, 1), no_data_reason="Strike"
    )
    html = panel(participant)
    assert "Late: <bdi>March 2025</bdi>" in html and "April 2025" not in html.split("Next")[0]
    assert "Next data due: <bdi>June 2025</bdi>, from <bdi>1 July 2025</bdi>." in html
    assert f'aria-labelledby="run-chart-dashboard-{team.pk}-{measure.pk}-summary"' in html
    assert f"run-chart-dashboard-{team.pk}-{optional.pk}-summary" in html
    assert panel(stranger) is None


def count_queries(user):
    with CaptureQueriesContext(connection) as queries:
        assert panel(user)
    return len(queries)


def fill(team, measure, months):
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=measure, month=add_months(measure.first_month, n),
                     numerator=n, denominator=40)
        for n in range(months)
    )  # fmt: skip


def test_panel_costs_fixed_queries_whatever_the_months(team, participant):
    """12 months of one measure cost what 36 months of four cost."""
    first = add_months(datetime.date(2025, 6, 1), -12)
    fill(team, make_measure(team.course, first_month=first), 12)
    panel(participant)  # warm the site cache
    small = count_queries(participant)
    MonthlyValue.objects.all().delete()
    first = add_months(datetime.date(2025, 6, 1), -36)
    for n in range(4):
        fill(team, make_measure(team.course, name=f"Measure {n}", first_month=first), 36)
    assert count_queries(participant) == small
