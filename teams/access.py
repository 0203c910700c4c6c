"""Who may see and change a team: its members, and the course's facilitators and
editors (`courses.access.can_facilitate`). Everyone else is told nothing (404).

Answers are remembered on the user object for the request, as `courses.access` does.
"""

from courses import access
from teams.models import Team, TeamMember


def memberships(user, course):
    """{team id: TeamMember} of the user's memberships in the course's teams."""
    if not user.is_authenticated:
        return {}
    cache = user.__dict__.setdefault("_team_access_cache", {})
    key = access.original(course).pk
    if key not in cache:
        rows = TeamMember.objects.filter(user=user, team__course_id=key)
        cache[key] = {member.team_id: member for member in rows}
    return cache[key]


def can_view_team(user, team, course):
    return team.pk in memberships(user, course) or access.can_facilitate(user, course)


def can_enter_data(user, team, course):
    """The team's data contacts, and the course's facilitators and editors."""
    member = memberships(user, course).get(team.pk)
    return bool(member and member.is_data_contact) or access.can_facilitate(user, course)


def can_view_team_list(user, course):
    return access.can_view_members_content(user, course)


def course_teams(course):
    return Team.objects.filter(course=access.original(course)).order_by("name")


def user_teams(user):
    """The user's teams in every course, with their course, by name, for the dashboard's
    panels: one query remembered for the request."""
    if not user.is_authenticated:
        return []
    cache = user.__dict__.setdefault("_team_access_cache", {})
    if "teams" not in cache:
        teams = Team.objects.filter(members__user=user).select_related("course")
        cache["teams"] = list(teams.distinct().order_by("name"))
    return cache["teams"]
