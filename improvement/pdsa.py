"""Who may do what with a team's PDSA log, and how its cycles read: the team's members
write cycles; the course's facilitators and editors read every team's and comment;
anyone else who may not see the team (`teams.access.can_view_team`) is told nothing
(404), under every language prefix. Cycles read as ramps: each chain of cycles that
follow one another, in order. A fixed number of queries whatever the number of cycles.
"""

from django.db.models import Count, Prefetch

from courses import access as course_access
from improvement.months import month_start
from improvement.pdsa_models import PdsaComment, PdsaCycle
from teams import access
from teams.models import TeamMember


def can_write(user, team, course):
    return team.pk in access.memberships(user, course)


def can_comment(user, team, course):
    return can_write(user, team, course) or course_access.can_facilitate(user, course)


def team_cycles(team):
    return (
        PdsaCycle.objects.filter(team=team)
        .annotate(comment_count=Count("comments"))
        .prefetch_related("measures")
        .order_by("start_date", "pk")
    )


def ramps(cycles):
    """[[(cycle, depth)]]: each ramp from its first cycle, a cycle's followers after it
    (depth 1 deeper), ramps in the order of their first cycle's start."""
    cycles = list(cycles)
    known = {cycle.pk for cycle in cycles}
    followers = {}
    for cycle in cycles:
        parent = cycle.follows_id if cycle.follows_id in known else None
        followers.setdefault(parent, []).append(cycle)

    def walk(cycle, depth, ramp, seen):
        if cycle.pk in seen:  # a loop made by editing an earlier cycle: shown once
            return
        seen.add(cycle.pk)
        ramp.append((cycle, depth))
        for follower in followers.get(cycle.pk, []):
            walk(follower, depth + 1, ramp, seen)

    result, seen = [], set()
    for first in followers.get(None, []):
        ramp = []
        walk(first, 0, ramp, seen)
        result.append(ramp)
    leftover = [cycle for cycle in cycles if cycle.pk not in seen]
    for cycle in leftover:  # only cycles in a loop are left: each starts a ramp
        if cycle.pk not in seen:
            ramp = []
            walk(cycle, 0, ramp, seen)
            result.append(ramp)
    return result


def cycle_detail(team, cycle_id):
    """The cycle with all it shows, in a fixed number of queries; None if not the team's."""
    comments = PdsaComment.objects.select_related("author")
    return (
        PdsaCycle.objects.filter(team=team, pk=cycle_id)
        .select_related("follows", "created_by")
        .prefetch_related(
            "measures", "documents", "followed_by", Prefetch("comments", queryset=comments)
        )
        .first()
    )


def cycles_by_measure(course, teams):
    """{(team id, measure id): [(start month, cycle, url)]} of the teams' cycles, oldest
    first, in one query whatever their number."""
    links = (
        PdsaCycle.measures.through.objects.filter(pdsacycle__team__in=teams)
        .select_related("pdsacycle__team")
        .order_by("pdsacycle__start_date", "pdsacycle_id")
    )
    base, grouped = course.url, {}
    for link in links:
        cycle = link.pdsacycle
        kwargs = {"team_slug": cycle.team.slug, "cycle_id": cycle.pk}
        url = base + course.reverse_subpage("pdsa_cycle", kwargs=kwargs)
        entry = (month_start(cycle.start_date), cycle, url)
        grouped.setdefault((cycle.team_id, link.measure_id), []).append(entry)
    return grouped


def leaders(teams):
    """{team id: True} of the teams that have a senior leader with an account."""
    rows = TeamMember.objects.filter(team__in=teams, is_senior_leader=True, user__isnull=False)
    return dict.fromkeys(rows.values_list("team_id", flat=True), True)
