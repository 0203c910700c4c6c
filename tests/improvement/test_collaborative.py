"""The collaborative view at <course>/measures/ and its CSV: every team's chart, the
aggregate charts, the count of teams improving; names as each team chose; members,
facilitators and editors only (CSV: facilitators and editors), under every prefix; a
fixed number of queries whatever the number of teams and months."""

import csv
import datetime

import pytest
from wagtail.models import Locale

from improvement.choices import MeasureKind
from improvement.collaborative import measure_views, pooled_value
from improvement.models import MonthlyValue
from improvement.months import add_months
from tests.improvement.conftest import make_measure
from tests.teams.conftest import make_team
from tests.teams.test_pages import count_queries

JANUARY = datetime.date(2025, 1, 1)
# Six months on the median level, then six above it: a shift of improvement.
SHIFTED = [10, 12, 11, 10, 12, 11, 16, 17, 16, 18, 17, 16]


def measures_url(course, prefix=""):
    return prefix + course.url + "measures/"


def csv_url(course, prefix=""):
    return prefix + course.url + "measures.csv"


def fill(team, measure, numerators, denominator=20):
    MonthlyValue.objects.bulk_create(
        MonthlyValue(
            team=team, measure=measure, month=add_months(measure.first_month, n),
            numerator=numerator, denominator=denominator,
        )
        for n, numerator in enumerate(numerators) if numerator is not None
    )  # fmt: skip


@pytest.fixture
def arabic(db):
    Locale.objects.get_or_create(language_code="ar")


def test_aggregate_sums_numerators_over_denominators(course):
    ratio = make_measure(course)
    rows = [MonthlyValue(measure=ratio, numerator=1, denominator=4), None]
    rows.append(MonthlyValue(measure=ratio, numerator=3, denominator=4))
    assert pooled_value(ratio, rows) == 50.0
    count = make_measure(course, name="Started", kind=MeasureKind.COUNT, denominator_label="")
    assert pooled_value(count, [MonthlyValue(measure=count, numerator=n) for n in (3, 4)]) == 7
    assert pooled_value(ratio, [None]) is None


def test_view_counts_the_teams_that_improve(course, team, other_team, facilitator):
    measure = make_measure(course, first_month=JANUARY)
    fill(team, measure, SHIFTED)
    fill(other_team, measure, [11, 12, 10, 11, 12, 10, 11, 12, 10, 11, 12, 11])
    [view] = measure_views(course, facilitator, today=datetime.date(2026, 1, 10))
    assert view.improving == 1
    assert [name for name, _chart in view.teams] == ["Team cairo", "Team karachi"]
    assert len(view.pooled.months) == 12 and view.pooled.values[0] == 52.5
    assert view.median.values[0] == 52.5


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_view_for_members_names_as_each_team_chose(
    client, arabic, course, team, other_team, participant, facilitator, editor, stranger, prefix
):
    measure = make_measure(course, first_month=JANUARY)
    fill(team, measure, SHIFTED)
    fill(other_team, measure, SHIFTED)
    other_team.named_to_peers = False
    other_team.save()
    client.force_login(participant)
    page = client.get(measures_url(course, prefix))
    html = page.content.decode()
    assert page.status_code == 200 and "private" in page["Cache-Control"]
    assert "Team karachi" in html and "Team cairo" not in html
    assert 'role="img"' in html and "measures.csv" not in html
    assert client.get(csv_url(course, prefix)).status_code == 404
    for someone in (facilitator, editor):
        client.force_login(someone)
        assert "Team cairo" in client.get(measures_url(course, prefix)).content.decode()
        assert client.get(csv_url(course, prefix)).status_code == 200
    client.force_login(stranger)
    assert client.get(measures_url(course, prefix)).status_code == 404
    assert client.get(csv_url(course, prefix)).status_code == 404
    client.logout()
    assert client.get(measures_url(course, prefix)).status_code == 302
    assert client.get(csv_url(course, prefix)).status_code in (302, 404)


def test_csv_holds_every_value_formula_safe(client, course, team, facilitator):
    measure = make_measure(course, name="=HYPERLINK(1)", first_month=JANUARY)
    MonthlyValue.objects.create(
        team=team, measure=measure, month=JANUARY, numerator=3, denominator=4, comment="+1 cmd"
    )
    client.force_login(facilitator)
    response = client.get(csv_url(course))
    header, row = list(csv.reader(response.content.decode().splitlines()))
    assert header[:5] == ["team", "organisation", "country", "measure", "month"]
    assert row[3] == "'=HYPERLINK(1)" and row[4] == "2025-01-01" and row[9] == "'+1 cmd"
    assert row[7] == "75.0"


def grow(measures, teams, months):
    for team in teams:
        for measure in measures:
            fill(team, measure, [10 + n % 5 for n in range(months)])


def test_view_costs_fixed_queries(client, course, team, facilitator):
    measures = [make_measure(course, name=f"Measure {n}", first_month=JANUARY) for n in range(2)]
    teams = [team, *(make_team(course, slug=f"team-{n}") for n in range(4))]
    grow(measures, teams, 12)
    client.force_login(facilitator)
    client.get(measures_url(course))  # warm the site and locale caches
    small = count_queries(client, measures_url(course))
    MonthlyValue.objects.all().delete()
    teams += [make_team(course, slug=f"more-{n}") for n in range(45)]
    grow(measures, teams, 36)
    assert count_queries(client, measures_url(course)) == small
