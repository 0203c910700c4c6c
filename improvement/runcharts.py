"""Run-chart rules: the one place that decides shifts, trends and runs.

Charts, their one-sentence summaries, the collaborative view and the demo all call
:func:`analyse`, so a signal highlighted on a chart is always the signal named in words.
The rules are those of Perla, Provost & Murray (2011), "The run chart: a simple analytical
tool for learning from variation in healthcare processes", BMJ Qual Saf 20:46-51:

- the median of the baseline (the first ``baseline`` non-missing values) is frozen, and
  every point, in the baseline or after it, is read against it: that is how a change made
  after the baseline shows up as a signal;
- a *shift* is 6 or more consecutive points on one side of the median; points on the
  median are skipped: they neither count towards nor break a shift;
- a *trend* is 5 or more consecutive points all going up or all going down (5 points are
  4 rises); a repeated value is skipped: it neither counts towards nor breaks a trend;
- a *run* is a series of consecutive points on one side of the median, points on it
  skipped; a shift is therefore a run of 6 or more. Too few or too many runs for the number
  of *useful observations* (points neither missing nor on the median) come from Table 1.

A missing month (``None``) is a gap that every rule skips, but indices in the result always
refer to the caller's list, so a chart highlights the right months.

Spans are inclusive ``[first, last]`` index pairs. A shift runs from its first to its last
off-median point, so points on the median and gaps inside it lie within its span. A trend
runs from the point where the movement starts to the point where it stops: a value repeated
at either end is outside it (in ``1, 1, 2, 3, 4, 5, 5`` the trend is ``[1, 5]``), one
repeated inside is within it. Both choices make every span mirror exactly when a series is
reversed. The side of a shift and the direction of a trend are read from the values at its
ends (``values[first] > median``, ``values[first] < values[last]``), so the result keeps
the interface that issue 15 fixes.
"""

import itertools
import math
import numbers
import statistics

SHIFT_POINTS = 6
TREND_POINTS = 5

# Perla, Provost & Murray (2011), Table 1 ("Tests for number of runs above and below the
# median", adapted from Swed & Eisenhart 1943, about a 5% risk of a false signal): for each
# number of useful observations, the fewest and the most runs a random series shows. Fewer
# runs than the lower limit are "too few", more than the upper limit "too many". The rows
# are the published ones as reproduced by IHI and in the literature; tests check each row
# against the exact Swed-Eisenhart distribution (two-sided false-signal risk at most ~6%).
RUNS_LIMITS = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12),
    16: (5, 13), 17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16),
    22: (7, 17), 23: (7, 17), 24: (8, 18), 25: (8, 18), 26: (9, 19), 27: (10, 19),
    28: (10, 20), 29: (10, 20), 30: (11, 21), 31: (11, 22), 32: (11, 23), 33: (12, 23),
    34: (12, 24), 35: (13, 24), 36: (13, 25), 37: (13, 25), 38: (14, 26), 39: (14, 26),
    40: (15, 27), 41: (16, 27), 42: (16, 28), 43: (17, 28), 44: (17, 29), 45: (17, 30),
    46: (17, 31), 47: (18, 31), 48: (18, 32), 49: (19, 32), 50: (19, 33), 51: (20, 33),
    52: (20, 34), 53: (21, 34), 54: (21, 35), 55: (22, 35), 56: (22, 36), 57: (23, 36),
    58: (23, 37), 59: (24, 38), 60: (24, 38),
}  # fmt: skip
MIN_USEFUL_FOR_RUNS = min(RUNS_LIMITS)


def analyse(values, baseline=None) -> dict:
    """Read a monthly series against its baseline median; return the signals as JSON data.

    ``values`` holds numbers or ``None`` (no data that month), oldest first. ``baseline`` is
    how many of the first non-missing values make the median (``None``: all of them; more
    than there are: all of them, the baseline is simply not complete yet). The median is
    ``None`` only when there is no value at all, as there is then nothing to draw.
    """
    if baseline is not None and (
        isinstance(baseline, bool) or not isinstance(baseline, int) or baseline < 1
    ):
        raise ValueError(f"baseline must be a whole number of months, at least 1: {baseline!r}")
    points = [(index, _number(index, value)) for index, value in enumerate(values)]
    points = [(index, value) for index, value in points if value is not None]
    if not points:
        return _result(None, [], [], 0, 0)
    median = float(statistics.median(value for _, value in points[:baseline]))
    runs = _runs(points, median)
    useful = sum(len(run) for run in runs)
    shifts = [[run[0], run[-1]] for run in runs if len(run) >= SHIFT_POINTS]
    return _result(median, shifts, _trends(points), len(runs), useful)


def _result(median, shifts, trends, runs, useful):
    return {
        "median": median,
        "shifts": shifts,
        "trends": trends,
        "runs": runs,
        "useful_observations": useful,
        "runs_signal": _runs_signal(runs, useful),
    }


def _number(index, value):
    """A month's value as a float, ``None`` kept; anything else is the caller's bug."""
    if value is None:
        return None
    if isinstance(value, bool | complex) or not isinstance(value, numbers.Number):
        raise TypeError(f"values[{index}] is not a number: {value!r}")
    number = float(value)  # Decimal from a DecimalField, Fraction, int: all comparable.
    if not math.isfinite(number):
        raise ValueError(f"values[{index}] is not a finite number: {value!r}")
    return number


def _runs(points, median):
    """The indices of each run: maximal groups of useful points on one side of the median."""
    runs, side = [], 0
    for index, value in points:
        here = (value > median) - (value < median)
        if here == 0:
            continue  # On the median: neither part of a run nor the end of one.
        if here != side:
            runs.append([])
            side = here
        runs[-1].append(index)
    return runs


def _trends(points):
    """Spans of 5 or more points all rising or all falling, repeated values skipped.

    Consecutive equal values are first merged into one plateau (first and last index), so
    a repeat neither counts nor breaks. A turning point belongs to both the trend into it
    and the trend out of it, as it is the last point of one and the first of the other.
    """
    plateaus = []  # [value, first index, last index]
    for index, value in points:
        if plateaus and plateaus[-1][0] == value:
            plateaus[-1][2] = index
        else:
            plateaus.append([value, index, index])
    rises = [later[0] > earlier[0] for earlier, later in itertools.pairwise(plateaus)]
    trends, start = [], 0
    for step in range(1, len(rises) + 1):
        if step == len(rises) or rises[step] != rises[start]:
            # rises[start:step] all go one way: they join plateaus start..step.
            if step - start + 1 >= TREND_POINTS:
                trends.append([plateaus[start][2], plateaus[step][1]])
            start = step
    return trends


def _runs_signal(runs, useful):
    """Too few or too many runs for this many useful observations, or ``None``.

    Under 10 useful observations the paper gives no limits, so there is no signal. Above
    60, where Table 1 stops, the limits come from the normal approximation to the same
    Swed-Eisenhart distribution (half the points above the median, half below, 95%), which
    gives Table 1's own limits at 60 (24 and 38), so the rule does not jump where the
    table ends. Long monthly series (over five years) are rare, but must not go silent.
    """
    if useful < MIN_USEFUL_FOR_RUNS:
        return None
    lower, upper = RUNS_LIMITS.get(useful) or _normal_limits(useful)
    if runs < lower:
        return "too_few"
    if runs > upper:
        return "too_many"
    return None


def _normal_limits(useful):
    mean = useful / 2 + 1
    spread = 1.96 * math.sqrt(useful * (useful - 2) / (4 * (useful - 1)))
    return math.ceil(mean - spread), math.floor(mean + spread)
