"""The collaborative's ratings for its facilitators: month by month, how many teams
stand at each level of the scale by their own rating and by the faculty's, and which
active teams are not yet rated this month. A fixed number of queries whatever the teams
and months."""

from improvement import ratings
from improvement.assessment import LEVELS, AssessmentRating, RaterKind
from teams import access
from teams.choices import TeamStatus


def distribution(months, teams, found):
    """[(month, [(kind, [count per level], not rated)])] newest month first."""
    counted = {}
    for rating in found:
        counted.setdefault((rating.month, rating.kind), []).append(rating.level)
    active = sum(1 for team in teams if team.status == TeamStatus.ACTIVE)
    table = []
    for month in months:
        kinds = []
        for kind in RaterKind:
            given = counted.get((month, kind), [])
            counts = [given.count(level) for level in LEVELS]
            kinds.append((kind, counts, max(active - len(given), 0)))
        table.append((month, kinds))
    return table


def overview(course, today=None):
    teams = list(access.course_teams(course))
    months = ratings.open_months(course, today)
    found = list(AssessmentRating.objects.filter(team__in=teams, month__in=months))
    current = months[0]
    rated = {(r.team_id, r.kind) for r in found if r.month == current}
    active = [team for team in teams if team.status == TeamStatus.ACTIVE]
    levels = ratings.levels()
    return {
        "month": current,
        "levels": [levels.get(level) or level for level in LEVELS],
        "scale": LEVELS,
        "distribution": distribution(months, teams, found),
        "unrated_self": [t for t in active if (t.pk, RaterKind.SELF) not in rated],
        "unrated_faculty": [t for t in active if (t.pk, RaterKind.FACULTY) not in rated],
    }
