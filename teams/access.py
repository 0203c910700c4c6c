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


def team_membership(user, team, course):
    """The user's TeamMember row in this team, or None: read from the team's members
    when the caller loaded them (the team's page does), else from `memberships`."""
    if not user.is_authenticated:
        return None
    if "members" in getattr(team, "_prefetched_objects_cache", {}):
        return next((m for m in team.members.all() if m.user_id == user.pk), None)
    return memberships(user, course).get(team.pk)


def can_view_team(user, team, course):
    member = team_membership(user, team, course)
    return member is not None or access.can_facilitate(user, course)


def can_enter_data(user, team, course):
    """The team's data contacts, and the course's facilitators and editors."""
    member = team_membership(user, team, course)
    return bool(member and member.is_data_contact) or access.can_facilitate(user, course)


def can_view_team_list(user, course):
    return access.can_view_members_content(user, course)


def course_teams(course):
    return Team.objects.filter(course=access.original(course)).order_by("name")


def user_teams(user):
    """The user's teams in every course, with their course, by name, for the dashboard's
    panels: one query remembered for the request (with `teammate_ids`)."""
    return _user_team_rows(user)[0]


def teammate_ids(user):
    """{team id: ids of its members who have an account} of the user's teams: from the
    same query as `user_teams`."""
    return _user_team_rows(user)[1]


def _user_team_rows(user):
    if not user.is_authenticated:
        return [], {}
    cache = user.__dict__.setdefault("_team_access_cache", {})
    if "teams" not in cache:
        rows = TeamMember.objects.filter(team__members__user=user).select_related("team__course")
        teams, members = {}, {}
        for member in rows.distinct().order_by("pk"):
            teams.setdefault(member.team_id, member.team)
            if member.user_id:
                members.setdefault(member.team_id, []).append(member.user_id)
        ordered = sorted(teams.values(), key=lambda team: (team.name, team.pk))
        cache["teams"] = (ordered, {team.pk: members.get(team.pk, []) for team in ordered})
    return cache["teams"]
