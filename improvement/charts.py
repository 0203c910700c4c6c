"""Run charts drawn as inline SVG: the geometry is computed here, the template
`improvement/run_chart.html` only writes it out, so a chart needs no JavaScript.

Every signal on a chart, and its one-sentence summary, comes from `runcharts.analyse`,
read once per baseline: a facilitator's new baseline (`Baseline`) starts a segment whose
frozen median and signals are its own, and the earlier segments stay drawn as they were.

Time runs left to right in every language, right-to-left ones included (see the README,
"Run charts").
"""

import functools
import math
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from improvement.choices import Direction
from improvement.runcharts import analyse

WIDTH, HEIGHT = 640, 260
SHIFT_COLOUR, TREND_COLOUR = "#b3261e", "#6a3d9a"
DOT = 'r="3.5" fill="#1f4e79"'
# Room for the value axis on the left, the month labels below, the workshop numbers above.
LEFT, RIGHT, TOP, BOTTOM = 48, 30, 22, 34
COMPACT_HEIGHT = 120
COMPACT_LEFT, COMPACT_BOTTOM, COMPACT_TOP = 8, 8, 8


@dataclass
class Segment:
    """One baseline and the months read against it: indices into the chart's months."""

    first: int
    last: int
    drawn_from: int  # its first month with data: where its median line starts
    baseline_end: int  # the last index of its baseline months
    median: float | None
    analysis: dict


def svg(value):
    """A coordinate as SVG reads it: never localised (a template would write "12,5")."""
    return f"{value:g}"


@dataclass
class Point:
    x: str
    y: str
    month: object
    value: float
    marker: str = "point"  # "shift", "trend" or "point": a shape each, not a colour
    shape: str = ""  # the SVG path of a shift's square or a trend's triangle

    def mark(self):
        """The point's SVG: a shift's square or a trend's triangle, else a dot."""
        if self.shape:
            fill = SHIFT_COLOUR if self.marker == "shift" else TREND_COLOUR
            return f'<path class="run-chart__point--{self.marker}" d="{self.shape}" fill="{fill}"/>'
        return f'<circle class="run-chart__point" cx="{self.x}" cy="{self.y}" {DOT}/>'


def marker_shape(marker, x, y):
    if marker == "shift":
        return f"M{svg(x - 4.5)} {svg(y - 4.5)}h9v9h-9z"
    if marker == "trend":
        return f"M{svg(x)} {svg(y - 6)}l5.5 10h-11z"
    return ""


@dataclass
class Chart:
    measure: object
    months: list
    values: list
    segments: list
    summary: str
    improving: bool
    key: str = ""  # unique on its page: the ids of its summary and patterns
    compact: bool = False
    width: int = WIDTH
    height: int = HEIGHT
    points: list = field(default_factory=list)
    path: str = ""
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2, kind)
    bands: list = field(default_factory=list)  # (x, width, kind): shift and trend spans
    ticks: list = field(default_factory=list)  # (y, label)
    month_labels: list = field(default_factory=list)  # (x, label)
    workshops: list = field(default_factory=list)  # (x, number, workshop)
    cycles: list = field(default_factory=list)  # (x, y, number, cycle, url): PDSA cycles
    goal_y: str | None = None
    plot_left: str = ""
    tick_x: str = ""
    plot_right: str = ""
    plot_top: str = ""
    plot_bottom: str = ""
    plot_height: str = ""

    def marks(self):
        """The SVG of every point, for the template: a loop over the points there cost
        more than the rest of a page of 200 small multiples, and format_html as much
        again. Safe by construction: nothing but numbers written by `svg` and this
        module's own class names and colours, never text from a user."""
        return mark_safe("".join(point.mark() for point in self.points))  # noqa: S308  # nosec B308 B703


def month_x(index, count, left=LEFT):
    """Where the `index`th of `count` months sits across the plot."""
    return round(left + (WIDTH - RIGHT - left) * index / max(count - 1, 1), 1)


@functools.cache
def month_positions(count, left):
    """([x], [x as SVG writes it]) of each of `count` months: the same for every chart of
    one length and plot, so a page of small multiples works them out once."""
    xs = tuple(month_x(index, count, left) for index in range(count))
    return xs, tuple(svg(x) for x in xs)


def nice_step(span, count=4):
    """A round step (1, 2 or 5 times a power of ten) giving about `count` ticks."""
    if span <= 0:
        return 1
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def segments_of(values, starts):
    """[Segment] for baselines given as [(first index, months)], oldest first."""
    starts = sorted(starts) or [(0, len(values))]
    segments = []
    for number, (first, months) in enumerate(starts):
        last = starts[number + 1][0] - 1 if number + 1 < len(starts) else len(values) - 1
        part = values[first : last + 1]
        result = analyse(part, baseline=months)
        for key in ("shifts", "trends"):
            result[key] = [[a + first, b + first] for a, b in result[key]]
        present = [i for i, value in enumerate(part) if value is not None][:months]
        drawn_from = first + (present[0] if present else 0)
        baseline_end = first + (present[-1] if present else 0)
        segments.append(Segment(first, last, drawn_from, baseline_end, result["median"], result))
    return segments


def better_side(measure, above):
    return above == (measure.direction == Direction.HIGHER)


def is_improving(measure, values, segment):
    """A shift on the better side of the median, or a trend in the better direction."""
    median = segment.median
    shifts = any(better_side(measure, values[a] > median) for a, _b in segment.analysis["shifts"])
    trends = any(better_side(measure, values[a] < values[b]) for a, b in segment.analysis["trends"])
    return shifts or trends


def month_label(month):
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def number(value):
    return formats.number_format(round(value, 1), decimal_pos=None if value % 1 == 0 else 1)


def summarise(values, months, segment):
    """One sentence in words on the latest segment: its latest shift, else its latest
    trend, else too few or too many runs, else no signal."""
    analysis = segment.analysis
    if segment.median is None:
        return _("No data yet.")
    if analysis["shifts"]:
        first, last = max(analysis["shifts"], key=lambda span: span[1])
        count = sum(1 for value in values[first : last + 1] if value not in (None, segment.median))
        since = month_label(months[first])
        if values[first] > segment.median:
            text = ngettext(
                "Shift: %(count)d month above the baseline median since %(month)s.",
                "Shift: %(count)d months above the baseline median since %(month)s.",
                count,
            )
        else:
            text = ngettext(
                "Shift: %(count)d month below the baseline median since %(month)s.",
                "Shift: %(count)d months below the baseline median since %(month)s.",
                count,
            )
        return text % {"count": count, "month": since}
    if analysis["trends"]:
        first, last = max(analysis["trends"], key=lambda span: span[1])
        count = sum(1 for value in values[first : last + 1] if value is not None)
        context = {"count": count, "month": month_label(months[first])}
        if values[first] < values[last]:
            return _("Trend: %(count)d months going up from %(month)s.") % context
        return _("Trend: %(count)d months going down from %(month)s.") % context
    if analysis["runs_signal"] == "too_few":
        return _("Too few runs (%(runs)d): the points stay on one side of the median for long.") % {
            "runs": analysis["runs"]
        }
    if analysis["runs_signal"] == "too_many":
        return _("Too many runs (%(runs)d): the points swing across the median.") % {
            "runs": analysis["runs"]
        }
    return _("No signal: the points vary around the baseline median of %(median)s.") % {
        "median": number(segment.median)
    }


def run_chart(
    measure, months, values, baselines=(), workshops=(), key="", compact=False, cycles=()
):
    """The chart of one series. `months` are first days, `values` numbers or None in the
    same order; `baselines` [(first index, months)] (none: the measure's own, from its
    first month); `workshops` [(month, workshop)] in date order; `key` unique on the page;
    `cycles` [(start month, PDSA cycle, its url)] in date order, marked at their month."""
    starts = list(baselines) or [(0, measure.baseline_months)]
    segments = segments_of(values, starts)
    latest = segments[-1]
    chart = Chart(
        measure=measure,
        months=months,
        values=values,
        segments=segments,
        summary=summarise(values, months, latest),
        improving=latest.median is not None and is_improving(measure, values, latest),
        key=key or str(measure.pk),
        compact=compact,
        height=COMPACT_HEIGHT if compact else HEIGHT,
    )
    if months:
        draw(chart, workshops)
        if not compact:
            mark_cycles(chart, cycles)
    return chart


def draw(chart, workshops):
    measure, values, months = chart.measure, chart.values, chart.months
    left = COMPACT_LEFT if chart.compact else LEFT
    top = COMPACT_TOP if chart.compact else TOP
    bottom = chart.height - (COMPACT_BOTTOM if chart.compact else BOTTOM)
    chart.plot_left, chart.plot_right, chart.tick_x = svg(left), svg(WIDTH - RIGHT), svg(left - 6)
    chart.plot_top, chart.plot_bottom, chart.plot_height = svg(top), svg(bottom), svg(bottom - top)
    goal = float(measure.goal_value) if measure.goal_value is not None else None
    known = [v for v in values if v is not None]
    known += [s.median for s in chart.segments if s.median is not None]
    known += [goal] if goal is not None else []
    low = min([0.0, *known])
    step = nice_step(max([*known, 1.0]) - low)
    high = step * math.ceil(max([*known, step]) / step)
    span = (high - low) or 1.0
    x, xs = month_positions(len(months), left)

    def y(value):
        return round(bottom - (bottom - top) * (value - low) / span, 1)

    def ys(value):
        return svg(y(value))

    chart.points, path, pen_down = [], [], False
    markers = {}
    for segment in chart.segments:
        for kind in ("trend", "shift"):  # a point in both is drawn as part of the shift
            for first, end in segment.analysis[kind + "s"]:
                chart.bands.append((svg(x[first] - 5), svg(x[end] - x[first] + 10), kind))
                markers.update(dict.fromkeys(range(first, end + 1), kind))
    for index, (month, value) in enumerate(zip(months, values, strict=True)):
        if value is None:
            pen_down = False  # a month without data is a gap in the line
            continue
        level = y(value)
        path.append(f"{'L' if pen_down else 'M'}{xs[index]} {svg(level)}")
        pen_down = True
        marker = markers.get(index, "point")
        shape = marker_shape(marker, x[index], level)
        chart.points.append(Point(xs[index], svg(level), month, value, marker, shape))
    chart.path = " ".join(path)
    for segment in chart.segments:
        if segment.median is None:
            continue
        level = ys(segment.median)
        chart.lines.append(
            (xs[segment.drawn_from], level, xs[segment.baseline_end], level, "median")
        )
        if segment.baseline_end < segment.last:
            chart.lines.append(
                (xs[segment.baseline_end], level, xs[segment.last], level, "extension")
            )
    if goal is not None:
        chart.goal_y = ys(goal)
    if chart.compact:
        return
    ticks = int(round(span / step))
    chart.ticks = [(ys(low + step * n), number(low + step * n)) for n in range(ticks + 1)]
    every = max(1, math.ceil(len(months) / 4))
    chart.month_labels = [
        (xs[index], month_label(month)) for index, month in enumerate(months) if index % every == 0
    ]
    by_month = {month: index for index, month in enumerate(months)}
    chart.workshops = [
        (xs[by_month[month]], n + 1, workshop)
        for n, (month, workshop) in enumerate(workshops)
        if month in by_month
    ]


def mark_cycles(chart, cycles):
    """A numbered diamond at the foot of the plot at each cycle's start month; cycles of
    one month stack upwards so that none hides another."""
    by_month = {month: index for index, month in enumerate(chart.months)}
    stacked = {}
    for month, cycle, url in cycles:
        if month not in by_month:
            continue
        index = by_month[month]
        height = stacked.get(index, 0)
        stacked[index] = height + 1
        x = month_x(index, len(chart.months))
        y = float(chart.plot_bottom) - 8 - 16 * height
        chart.cycles.append((svg(x), svg(y), len(chart.cycles) + 1, cycle, url))
