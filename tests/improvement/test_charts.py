"""Run charts as the reader sees them: the line breaks at a missing month, signals get
their own shape and band, the summary names the latest signal in words, a new baseline
starts a new median while the old one stays drawn, workshops are marked at their month."""

import datetime
from types import SimpleNamespace

from django.utils import translation

from improvement.charts import run_chart
from improvement.choices import Direction, MeasureKind
from improvement.models import Measure
from improvement.series import months_between

MONTHS = months_between(datetime.date(2025, 1, 1), datetime.date(2025, 12, 1))


def measure(direction=Direction.HIGHER, goal=None):
    return Measure(
        pk=1, name="Screened", kind=MeasureKind.COUNT, baseline_months=6, goal_value=goal,
        direction=direction, first_month=MONTHS[0],
    )  # fmt: skip


def test_a_missing_month_is_a_gap_in_the_line():
    values = [5, 6, None, 5, 7, 6, 5, 6, 7, 5, 6, 5]
    chart = run_chart(measure(), MONTHS, values)
    assert chart.path.count("M") == 2
    assert len(chart.points) == 11


def test_a_shift_is_marked_by_shape_and_band_and_named_in_words():
    values = [5, 6, 4, 5, 6, 4, 9, 9, 10, 9, 11, 10]
    with translation.override("en"):
        chart = run_chart(measure(), MONTHS, values)
    assert chart.summary == "Shift: 6 months above the baseline median since July 2025."
    assert [p.marker for p in chart.points][6:] == ["shift"] * 6
    assert all(p.shape.startswith("M") for p in chart.points[6:])
    assert [kind for _x, _w, kind in chart.bands] == ["shift"]
    assert chart.improving


def test_a_shift_on_the_worse_side_is_no_improvement():
    values = [5, 6, 4, 5, 6, 4, 9, 9, 10, 9, 11, 10]
    chart = run_chart(measure(direction=Direction.LOWER), MONTHS, values)
    assert chart.segments[-1].analysis["shifts"] and not chart.improving


def test_a_trend_is_named_with_its_direction():
    values = [5, 6, 5, 6, 5, 6, 4, 5, 6, 7, 8, 5.5]
    with translation.override("en"):
        chart = run_chart(measure(), MONTHS, values)
    assert chart.summary == "Trend: 5 months going up from July 2025."
    assert {p.marker for p in chart.points[6:11]} == {"trend"}


def test_no_signal_gives_the_median():
    values = [5, 6, 5, 6, 6, 5, 5, 6, 6, 5, 6, 5]
    with translation.override("en"):
        chart = run_chart(measure(), MONTHS, values)
    assert chart.summary == "No signal: the points vary around the baseline median of 5.5."
    assert not chart.improving and not chart.bands


def test_a_new_baseline_keeps_the_old_median_drawn():
    values = [5, 6, 4, 5, 6, 4, 9, 9, 10, 9, 11, 10]
    chart = run_chart(measure(), MONTHS, values, baselines=[(0, 6), (6, 4)])
    old, new = chart.segments
    assert (old.median, new.median) == (5.0, 9.0)
    assert (old.first, old.last, new.first, new.last) == (0, 5, 6, 11)
    medians = [line for line in chart.lines if line[-1] == "median"]
    assert len(medians) == 2 and medians[0][1] != medians[1][1]
    assert not new.analysis["shifts"]  # read against its own median, the shift is over


def test_workshops_are_marked_at_their_month_and_numbered():
    workshops = [
        (datetime.date(2024, 11, 1), SimpleNamespace(title="Before the data")),
        (datetime.date(2025, 6, 1), SimpleNamespace(title="Workshop 1: Amman")),
    ]
    chart = run_chart(measure(), MONTHS, [5] * 12, workshops=workshops)
    [(x, number, workshop)] = chart.workshops
    assert number == 2 and workshop.title == "Workshop 1: Amman"
    assert x == chart.points[5].x


def test_the_goal_line_is_within_the_plot():
    chart = run_chart(measure(goal=20), MONTHS, [5] * 12)
    assert float(chart.plot_top) <= float(chart.goal_y) < float(chart.points[0].y)


def test_coordinates_are_never_localised():
    """A decimal comma in a coordinate would break the drawing in some languages."""
    with translation.override("fa"):
        chart = run_chart(measure(), MONTHS, [5.5, 6.25, 4] * 4)
    assert "," not in chart.path and "٫" not in chart.path
