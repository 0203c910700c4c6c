"""The collaborative view keeps each measure's small multiples in the cache
(improvement/small_multiples.py), keyed on what they are drawn from: whatever writes a
value, a baseline or a measure, and however (a form, the admin, a bulk update that sends
no signal), the very next request shows it; each language gets its own charts; a copy
from the cache is the page a fresh drawing gives."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from improvement.models import Baseline, MonthlyValue
from improvement.months import add_months
from tests.improvement.conftest import make_measure
from tests.improvement.test_collaborative import JANUARY, SHIFTED, fill, measures_url

FLAT = [11, 12, 10, 11, 12, 10, 11, 12, 10, 11, 12, 11]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def seen(client, course, team, other_team, facilitator):
    """A measure both teams report, flat, read once by a facilitator (so cached)."""
    measure = make_measure(course, first_month=JANUARY)
    fill(team, measure, FLAT)
    fill(other_team, measure, FLAT)
    client.force_login(facilitator)
    assert "No signal" in team_summary(client, course, measure, team)
    return measure


def month_of(measure, index):
    return add_months(measure.first_month, index)


def page(client, course, prefix=""):
    response = client.get(measures_url(course, prefix))
    assert response.status_code == 200
    return response.content.decode()


def team_figure(client, course, measure, team, prefix=""):
    """The HTML of `team`'s small chart of `measure`."""
    html = page(client, course, prefix)
    found = re.search(
        rf'<figure class="run-chart run-chart--compact">\s*<p id="run-chart-{measure.pk}-'
        rf'{team.pk}-summary".*?</figure>',
        html,
        re.DOTALL,
    )
    assert found, "the team's small chart is on the page"
    return found.group(0)


def team_summary(client, course, measure, team, prefix=""):
    figure = team_figure(client, course, measure, team, prefix)
    return re.search(r'class="run-chart__summary">(.*?)</p>', figure).group(1)


def test_a_value_entered_shows_on_the_next_request(client, course, team, other_team, seen):
    for month, value in zip(range(6, 12), SHIFTED[6:], strict=True):
        row = MonthlyValue.objects.get(team=team, measure=seen, month=month_of(seen, month))
        row.numerator = value
        row.save()
    assert team_summary(client, course, seen, team).startswith("Shift: 6 months above")
    assert "No signal" in team_summary(client, course, seen, other_team)
    assert "<bdi>1</bdi> of <bdi>2</bdi> team shows a signal" in page(client, course)


def test_a_bulk_update_without_signals_shows_too(client, course, team, seen):
    """No receiver to forget: the key is the data, however it was written."""
    MonthlyValue.objects.filter(team=team, measure=seen).update(numerator=None, denominator=None)
    assert team_summary(client, course, seen, team) == "No data yet."


def test_a_deleted_month_is_a_gap_at_once(client, course, team, seen):
    before = team_figure(client, course, seen, team).count('class="run-chart__point')
    MonthlyValue.objects.filter(team=team, measure=seen, month=month_of(seen, 3)).delete()
    assert team_figure(client, course, seen, team).count('class="run-chart__point') == before - 1


def test_a_new_baseline_and_an_edited_measure_show_at_once(client, course, team, seen):
    Baseline.objects.create(team=team, measure=seen, first_month=month_of(seen, 6), months=6)
    figure = team_figure(client, course, seen, team)
    assert figure.count('class="run-chart__median"') == 2
    assert "run-chart__goal" not in figure
    seen.goal_value = 40
    seen.save()
    assert "run-chart__goal" in team_figure(client, course, seen, team)


def test_each_language_gets_its_own_charts(client, course, team, seen):
    Locale.objects.get_or_create(language_code="ar")
    arabic = team_summary(client, course, seen, team, prefix="/ar")
    assert arabic.startswith("لا توجد إشارة")
    assert team_summary(client, course, seen, team).startswith("No signal")


def test_charts_from_the_cache_are_the_charts_drawn_afresh(client, course, seen):
    cached = without_tokens(page(client, course))
    cache.clear()
    assert without_tokens(page(client, course)) == cached


def without_tokens(html):
    """The page less what differs on every request (CSP nonce, CSRF token)."""
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
