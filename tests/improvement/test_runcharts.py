"""The run-chart rules of Perla, Provost & Murray (2011), as improvement.runcharts decides them.

Series named after the paper's figures are reconstructed to match what the paper says about
each figure (its numbers are not all printed); the hand-worked series say in a comment how
each expected value was counted. The properties at the end hold for any series.
"""

import itertools
import json
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from improvement.runcharts import RUNS_LIMITS, analyse


def fixed_median(*sides):
    """A series whose median is 0 (its first value, the only baseline month, on the median),
    followed by one useful point per side given (+1 above, -1 below)."""
    return analyse([0, *sides], baseline=1)


def with_runs(useful, runs):
    """``useful`` points, read against a median of 0, making exactly ``runs`` runs."""
    sides = [(-1) ** run for run in range(runs - 1)]
    sides += [(-1) ** (runs - 1)] * (useful - runs + 1)
    return fixed_median(*sides)


# The paper's Table 1 ---------------------------------------------------------------------

# The rows of Table 1 that the issue quotes, typed in independently of the module.
PUBLISHED_ROWS = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12),
    16: (5, 13), 17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 24: (8, 18),
    60: (24, 38),
}  # fmt: skip


def runs_distribution(useful):
    """Swed & Eisenhart's exact distribution of the number of runs among ``useful`` points,
    half above and half below the median (the assumption behind Table 1)."""
    above, below = useful // 2, useful - useful // 2
    total = math.comb(useful, above)

    def ways(runs):
        k = runs // 2
        if runs % 2 == 0:
            return 2 * math.comb(above - 1, k - 1) * math.comb(below - 1, k - 1)
        return math.comb(above - 1, k - 1) * math.comb(below - 1, k) + math.comb(
            above - 1, k
        ) * math.comb(below - 1, k - 1)

    return {runs: ways(runs) / total for runs in range(2, useful + 1)}


def test_table_1_covers_10_to_60_useful_observations_with_the_published_rows():
    assert sorted(RUNS_LIMITS) == list(range(10, 61))
    assert {n: RUNS_LIMITS[n] for n in PUBLISHED_ROWS} == PUBLISHED_ROWS


def test_table_1_limits_grow_with_the_series_and_surround_the_expected_number_of_runs():
    for useful in range(11, 61):
        lower, upper = RUNS_LIMITS[useful]
        assert lower >= RUNS_LIMITS[useful - 1][0] and upper >= RUNS_LIMITS[useful - 1][1]
        assert lower < useful / 2 + 1 < upper


@pytest.mark.parametrize("useful", range(10, 61))
def test_each_row_of_table_1_risks_a_false_signal_about_5_percent_of_the_time(useful):
    """The paper: "about a 5% risk" of calling a random series non-random. The published
    rows are conservative for short series; none exceeds the risk by more than a point."""
    lower, upper = RUNS_LIMITS[useful]
    risk = sum(p for runs, p in runs_distribution(useful).items() if not lower <= runs <= upper)
    assert risk <= 0.065


@pytest.mark.parametrize("useful", range(10, 61))
def test_runs_outside_the_table_limits_and_only_those_signal(useful):
    lower, upper = RUNS_LIMITS[useful]
    assert with_runs(useful, lower)["runs_signal"] is None
    assert with_runs(useful, upper)["runs_signal"] is None
    assert with_runs(useful, lower - 1)["runs_signal"] == "too_few"
    if upper < useful:
        assert with_runs(useful, upper + 1)["runs_signal"] == "too_many"


def test_under_10_useful_observations_the_runs_rule_says_nothing():
    result = with_runs(9, 1)
    assert (result["useful_observations"], result["runs"]) == (9, 1)
    assert result["runs_signal"] is None


def test_over_60_useful_observations_the_normal_approximation_takes_over():
    """Mean n/2 + 1, variance n(n-2)/4(n-1), 95%: for 61 points 24 to 39 runs; at 60 it
    gives Table 1's own 24 and 38, so the rule does not jump where the table ends."""
    assert with_runs(61, 23)["runs_signal"] == "too_few"
    assert with_runs(61, 24)["runs_signal"] is None
    assert with_runs(61, 39)["runs_signal"] is None
    assert with_runs(61, 40)["runs_signal"] == "too_many"
    assert with_runs(120, 40)["runs_signal"] == "too_few"


# The paper's examples --------------------------------------------------------------------

BEFORE = [60, 64, 58, 63, 61, 59, 62, 65, 57, 60, 63, 61]
AFTER = [72, 75, 70, 74, 71, 76, 73, 70, 75, 72, 74, 71]


def test_the_papers_triplet_same_numbers_three_stories():
    """Figure 1: the same 12 months before and 12 after a change, so the same summary
    statistics, plotted in three time orders. Only the order tells the stories apart."""
    after_the_change = analyse(BEFORE + AFTER)
    assert after_the_change["median"] == 67.5  # between the best before and the worst after
    assert after_the_change["shifts"] == [[0, 11], [12, 23]]
    assert after_the_change["trends"] == []
    assert after_the_change["runs"] == 2
    assert after_the_change["runs_signal"] == "too_few"  # 24 useful: fewer than 8 runs

    already_improving = analyse(sorted(BEFORE + AFTER))
    assert already_improving["trends"] == [[0, 23]]  # repeated values neither make nor break

    paired = [value for i in range(0, 12, 2) for value in (*BEFORE[i : i + 2], *AFTER[i : i + 2])]
    no_signal = analyse(paired)
    assert no_signal["median"] == 67.5
    assert (no_signal["shifts"], no_signal["trends"], no_signal["runs"]) == ([], [], 12)
    assert no_signal["runs_signal"] is None  # 12 runs lie within 8..18


def test_shift_rule_skips_a_point_on_the_median():
    """Rule 1: six points below the median, one on it in between, is still a shift."""
    # Baseline 12 14 11 15 13 12 14 13 sorts to 11 12 12 13 | 13 14 14 15: median 13.
    values = [12, 14, 11, 15, 13, 12, 14, 13, 10, 9, 13, 11, 12, 9, 10]
    result = analyse(values, baseline=8)
    assert result["median"] == 13.0
    assert result["shifts"] == [[8, 14]]  # 10 9 (13) 11 12 9 10: six below, one skipped
    # Sides: - + - + (on) - + (on) then the shift: 7 runs in 15 - 3 = 12 useful points.
    assert (result["runs"], result["useful_observations"]) == (7, 12)
    assert result["trends"] == [] and result["runs_signal"] is None
    assert analyse(values[:-1], baseline=8)["shifts"] == []  # five below is not a shift


def test_trend_rule_skips_a_repeated_value():
    """Rule 2: five points all going down, a repeated value counted once."""
    values = [20, 24, 22, 21, 21, 19, 17, 18, 23, 22]
    assert analyse(values)["trends"] == [[1, 6]]  # 24 22 21 (21) 19 17
    assert analyse([20, 24, 22, 21, 21, 19, 23])["trends"] == []  # 24 22 21 21 19: four


def test_too_few_runs_rule():
    """Rule 3: 20 months, two on the median, 18 useful points making 2 runs (Table 1: 6)."""
    low = [40, 42, 38, 41, 39, 43, 40, 37, 42]
    high = [50, 48, 52, 49, 51, 47, 53, 50, 48]
    result = analyse([*low, 45, 45, *high])
    assert result["median"] == 45.0
    assert (result["useful_observations"], result["runs"]) == (18, 2)
    assert result["runs_signal"] == "too_few"


def test_too_many_runs_rule():
    """Rule 3: 14 points alternating about the median make 14 runs (Table 1: at most 12)."""
    result = analyse([5, 9, 4, 8] * 3 + [5, 9])
    assert result["median"] == 6.5
    assert (result["useful_observations"], result["runs"]) == (14, 14)
    assert result["runs_signal"] == "too_many"


# Hand-worked series ------------------------------------------------------------------------


def test_a_hand_worked_year_with_gaps():
    # Index:   0  1  2     3  4  5  6  7  8  9  10    11  12  13
    values = [3, 5, None, 4, 4, 6, 7, 8, 9, 9, 10, None, 11, 2]
    # Baseline 3 5 4 4 (the first four values; index 2 is a gap): median (4 + 4) / 2 = 4.
    # Sides: - + (gap) on on + + + + + + (gap) + -: indices 5..12 are 7 points above.
    # Runs: - | + | + + + + + + + | -: the on-median points at 3 and 4 end no run, so 3 runs
    # in 14 - 2 gaps - 2 on the median = 10 useful points, within Table 1's 3..9.
    # Trend: 4 (index 4, where the repeat ends) 6 7 8 9 (9) 10 11: 4 to 11, up; then 2.
    result = analyse(values, baseline=4)
    assert result == {
        "median": 4.0,
        "shifts": [[1, 12]],
        "trends": [[4, 12]],
        "runs": 3,
        "useful_observations": 10,
        "runs_signal": None,
    }


def test_a_peak_ends_one_trend_and_starts_the_next():
    assert analyse([1, 2, 3, 4, 5, 4, 3, 2, 1])["trends"] == [[0, 4], [4, 8]]


def test_a_trend_starts_where_the_values_start_moving_and_ends_where_they_stop():
    assert analyse([1, 1, 2, 3, 4, 5, 5])["trends"] == [[1, 5]]


def test_crossings_plus_one_is_the_number_of_runs():
    # Sides + - - + (on) + - : crossings at 1, 3 and 6: four runs in six useful points.
    assert fixed_median(1, -1, -1, 1, 0, 1, -1)["runs"] == 4


# Edge cases ----------------------------------------------------------------------------------

NOTHING = {
    "median": None,
    "shifts": [],
    "trends": [],
    "runs": 0,
    "useful_observations": 0,
    "runs_signal": None,
}


@pytest.mark.parametrize("values", [[], [None], [None] * 12])
def test_without_any_value_there_is_no_median_and_no_signal(values):
    assert analyse(values) == NOTHING
    assert analyse(values, baseline=6) == NOTHING


def test_all_equal_values_lie_on_the_median_and_make_nothing():
    assert analyse([7] * 15) == {**NOTHING, "median": 7.0}


def test_a_baseline_longer_than_the_data_uses_all_of_it():
    values = [4, 8, None, 6, 1]
    assert analyse(values, baseline=40) == analyse(values)
    assert analyse(values, baseline=4)["median"] == analyse(values)["median"] == 5.0


def test_the_baseline_counts_values_not_months():
    assert analyse([None, 1, None, 3, 100], baseline=2)["median"] == 2.0


def test_the_median_is_frozen_and_later_months_are_read_against_it():
    # Baseline 10 12 11 12 10 11: median 11; the six months after it are all above.
    values = [10, 12, 11, 12, 10, 11, 20, 21, 22, 20, 21, 22]
    result = analyse(values, baseline=6)
    assert result["median"] == 11.0
    assert result["shifts"] == [[6, 11]]
    assert analyse(values)["median"] == 16.0  # unfrozen, the change would move the line


def test_a_gap_inside_a_shift_neither_makes_nor_breaks_it():
    # Median 0; below, above x3, gap, above x3, gap: six above across the gap.
    result = fixed_median(-1, 1, 1, 1, None, 1, 1, 1, None)
    assert result["shifts"] == [[2, 8]]
    assert fixed_median(-1, 1, 1, None, 1, 1, None)["shifts"] == []


def test_a_gap_inside_a_trend_neither_makes_nor_breaks_it():
    assert analyse([1, 2, None, 3, None, None, 4, 5, 0])["trends"] == [[0, 7]]


def test_decimals_from_the_database_are_numbers():
    result = analyse([Decimal("0.25"), Decimal("0.5"), 1])
    assert result["median"] == 0.5 and isinstance(result["median"], float)


@pytest.mark.parametrize("baseline", [0, -3, 2.5, True, "6"])
def test_a_baseline_that_is_not_a_positive_whole_number_is_refused(baseline):
    with pytest.raises(ValueError, match="baseline"):
        analyse([1, 2, 3], baseline=baseline)


@pytest.mark.parametrize(
    ("value", "error"), [("5", TypeError), (True, TypeError), (math.nan, ValueError)]
)
def test_a_value_that_is_not_a_finite_number_is_refused_with_its_index(value, error):
    with pytest.raises(error, match=r"values\[1\]"):
        analyse([1, value, 3])


# Properties ----------------------------------------------------------------------------------

months = st.lists(st.none() | st.integers(-12, 12), max_size=48)
baselines = st.none() | st.integers(1, 50)


def side(value, median):
    return (value > median) - (value < median)


def mirrored(spans, length):
    return [[length - 1 - last, length - 1 - first] for first, last in reversed(spans)]


def directions(result, values):
    """The side of each shift and the direction of each trend, read from their ends."""
    median = result["median"]
    return (
        [side(values[first], median) for first, _ in result["shifts"]],
        [side(values[last], values[first]) for first, last in result["trends"]],
    )


@given(months)
def test_reversing_a_series_mirrors_every_span_and_turns_rises_into_falls(values):
    forward, backward = analyse(values), analyse(values[::-1])
    assert backward["shifts"] == mirrored(forward["shifts"], len(values))
    assert backward["trends"] == mirrored(forward["trends"], len(values))
    assert [backward[k] for k in ("median", "runs", "useful_observations", "runs_signal")] == [
        forward[k] for k in ("median", "runs", "useful_observations", "runs_signal")
    ]
    shift_sides, trend_ways = directions(forward, values)
    assert directions(backward, values[::-1]) == (shift_sides[::-1], [-w for w in trend_ways][::-1])


@given(months, baselines, st.integers(1, 7), st.integers(-100, 100))
def test_a_change_of_unit_or_origin_changes_only_the_median(values, baseline, scale, offset):
    moved = [None if v is None else v * scale + offset for v in values]
    original, result = analyse(values, baseline), analyse(moved, baseline)
    if original["median"] is not None:
        assert result["median"] == original["median"] * scale + offset
    assert {**result, "median": None} == {**original, "median": None}


@given(months, baselines)
def test_negating_a_series_swaps_above_and_below(values, baseline):
    original = analyse(values, baseline)
    negated = analyse([None if v is None else -v for v in values], baseline)
    assert {**negated, "median": None} == {**original, "median": None}
    negated_values = [None if v is None else -v for v in values]
    shift_sides, trend_ways = directions(original, values)
    assert directions(negated, negated_values) == (
        [-s for s in shift_sides],
        [-w for w in trend_ways],
    )


@given(months, baselines, st.lists(st.integers(0, 48), max_size=10))
def test_inserting_missing_months_changes_no_count_only_indices(values, baseline, gaps):
    widened, where = list(values), list(range(len(values)))
    for gap in gaps:
        at = min(gap, len(widened))
        widened.insert(at, None)
        where = [i + 1 if i >= at else i for i in where]
    original, result = analyse(values, baseline), analyse(widened, baseline)
    for key in ("shifts", "trends"):
        assert result[key] == [[where[first], where[last]] for first, last in original[key]]
    assert {**result, "shifts": [], "trends": []} == {**original, "shifts": [], "trends": []}


@given(months, baselines)
def test_the_result_survives_a_json_round_trip(values, baseline):
    result = analyse(values, baseline)
    assert json.loads(json.dumps(result, allow_nan=False)) == result


@given(months, baselines)
def test_signals_match_the_definitions_window_by_window(values, baseline):
    """An independent reading: slide a window over the points instead of growing runs."""
    result = analyse(values, baseline)
    median = result["median"]
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    useful = [(i, side(v, median)) for i, v in present if side(v, median)]
    assert result["useful_observations"] == len(useful)
    changes = sum(a[1] != b[1] for a, b in itertools.pairwise(useful))
    assert result["runs"] == (changes + 1 if useful else 0)

    def within(spans, first, last):
        return any(a <= first and last <= b for a, b in spans)

    for first, last in result["shifts"]:
        sides = {s for i, s in useful if first <= i <= last}
        assert len(sides) == 1 and sum(first <= i <= last for i, _ in useful) >= 6
    for k in range(len(useful) - 5):
        window = useful[k : k + 6]
        if len({s for _, s in window}) == 1:
            assert within(result["shifts"], window[0][0], window[-1][0])

    plateaus = []  # [value, first index, last index], equal neighbours merged
    for i, v in present:
        if plateaus and plateaus[-1][0] == v:
            plateaus[-1][2] = i
        else:
            plateaus.append([v, i, i])
    for k in range(len(plateaus) - 4):
        window = [p[0] for p in plateaus[k : k + 5]]
        if window in (sorted(window), sorted(window, reverse=True)):
            assert within(result["trends"], plateaus[k][2], plateaus[k + 4][1])
    for first, last in result["trends"]:
        inside = [v for i, v in present if first <= i <= last]
        assert inside in (sorted(inside), sorted(inside, reverse=True))
        assert len(set(inside)) >= 5 and values[first] != values[last]
