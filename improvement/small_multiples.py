"""Each team's small run chart of one measure on the collaborative view, drawn once and
kept in the cache under a digest of everything the drawing reads: the measure's goal and
direction, its months, every team's values and baselines, and the reader's language.

A value a team enters or corrects, a new baseline, an edited measure, another team or
another month on the axis therefore gives another key, and the next request draws the
charts afresh: nothing to invalidate, so nothing can be shown stale. At 50 teams × 4
measures × 36 months, drawing and writing out the 200 charts was most of the view.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from improvement.charts import run_chart

# Change it with the drawing (charts.py, run_chart.html) so that no copy drawn by the
# previous code is shown; copies older than a day go by themselves.
VERSION = 1
LIFETIME = 24 * 60 * 60


@dataclass(slots=True)
class SmallMultiple:
    improving: bool  # the latest segment shows a signal of improvement
    html: SafeString  # the chart as improvement/run_chart.html writes it


def team_charts(measure, months, series):
    """[SmallMultiple] of `series`, [(team id, values, baseline starts)], in its order."""
    key = cache_key(measure, months, series)
    found = cache.get(key)
    if found is None:
        template = get_template("improvement/run_chart.html")  # found once, not per team
        found = [draw(template, measure, months, *each) for each in series]
        cache.set(key, found, LIFETIME)
    return found


def draw(template, measure, months, team_id, values, starts):
    chart = run_chart(
        measure, months, values, starts, key=f"{measure.pk}-{team_id}", compact=True
    )  # fmt: skip
    return SmallMultiple(chart.improving, template.render({"chart": chart}))


def cache_key(measure, months, series):
    """What a compact chart is drawn from (run_chart reads only these of the measure;
    the workshops are drawn on the large charts only)."""
    drawn_from = (
        VERSION, get_language(), measure.pk, measure.goal_value, measure.direction,
        months[:1], len(months), series,
    )  # fmt: skip
    digest = hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    return f"improvement:small-multiples:{measure.pk}:{digest}"
