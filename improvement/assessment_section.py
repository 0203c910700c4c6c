"""The assessment scale on a team's page (the `team_page_sections` hook of teams): the
team's own rating and the faculty's, month by month, with the gap between them, as a
table and a small chart (two lines on the 1–5 scale; time runs left to right as on the
run charts). A fixed number of queries whatever the number of months: the first month,
the ratings, the levels and their translations."""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from improvement import ratings
from improvement.assessment import LEVELS, AssessmentRating, RaterKind

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 34


@dataclass
class Row:
    month: object
    own: AssessmentRating = None
    faculty: AssessmentRating = None

    @property
    def gap(self):
        """The team's rating less the faculty's: above zero, the team sees itself higher."""
        if self.own is None or self.faculty is None:
            return None
        return self.own.level - self.faculty.level


@dataclass
class Chart:
    ticks: list = field(default_factory=list)
    month_labels: list = field(default_factory=list)
    own: dict = field(default_factory=dict)
    faculty: dict = field(default_factory=dict)
    width: int = WIDTH
    height: int = HEIGHT


def rows(team, course, levels=None, today=None):
    """[Row] oldest month first, every open month of the course; each rating carries
    its `described` level (from `levels`, {level: AssessmentLevel}) where known."""
    months = ratings.open_months(course, today)[::-1]
    by_month = {}
    for rating in AssessmentRating.objects.filter(team=team, month__in=months):
        rating.described = (levels or {}).get(rating.level)
        by_month.setdefault(rating.month, {})[rating.kind] = rating
    return [
        Row(
            month,
            by_month.get(month, {}).get(RaterKind.SELF),
            by_month.get(month, {}).get(RaterKind.FACULTY),
        )
        for month in months
    ]


def number(value):
    """A coordinate as SVG reads it, whatever the reader's number format."""
    return f"{value:.1f}"


def series(points):
    """{"path": SVG path through the points, a gap breaking the line; "marks": [(x, y)]
    and "squares": [(x - 4, y - 4)], as text}."""
    path, previous = [], None
    for index, point in enumerate(points):
        if point is None:
            continue
        path.append(f"{'L' if previous == index - 1 else 'M'}{number(point[0])},{number(point[1])}")
        previous = index
    present = [point for point in points if point is not None]
    return {
        "path": " ".join(path),
        "marks": [(number(x), number(y)) for x, y in present],
        "squares": [(number(x - 4), number(y - 4)) for x, y in present],
    }


def chart(table):
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(table) - 1, 1)

    def y(level):
        return round(TOP + plot_height * float(LEVELS[-1] - level) / 4, 1)

    def x(index):
        return round(LEFT + step * index, 1)

    drawn = Chart(ticks=[(number(y(level)), f"{level:.0f}") for level in LEVELS if level % 1 == 0])
    every = max(1, len(table) // 6)  # at most about six month labels
    drawn.month_labels = [
        (number(x(index)), date_format(row.month, "M y")) for index, row in enumerate(table)
    ][::every]
    for name in ("own", "faculty"):
        points = [
            (x(index), y(getattr(row, name).level)) if getattr(row, name) else None
            for index, row in enumerate(table)
        ]
        setattr(drawn, name, series(points))
    return drawn


def summary(table):
    """One sentence on the latest month with both ratings, for the chart's label."""
    both = [row for row in table if row.gap is not None]
    if not both:
        return _("No month has both ratings yet.")
    latest = both[-1]
    return _("%(month)s: the team rated itself %(own)s, the faculty %(faculty)s (gap %(gap)s).") % {
        "month": date_format(latest.month, "YEAR_MONTH_FORMAT"),
        "own": f"{latest.own.level:.1f}",
        "faculty": f"{latest.faculty.level:.1f}",
        "gap": f"{latest.gap:+.1f}",
    }


def render(team, course, request):
    if not course.has_teams:
        return None
    table = rows(team, course, ratings.levels())
    context = {
        "team": team,
        "course": course,
        "rows": table[::-1],  # the table reads newest first
        "chart": chart(table) if any(row.own or row.faculty for row in table) else None,
        "summary": summary(table),
        "kind": ratings.rater_kind(request.user, team, course),
    }
    return render_to_string("improvement/assessment/team_section.html", context, request=request)
