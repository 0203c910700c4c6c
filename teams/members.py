"""What the sections of a team's page share about its members, loaded once per request
and remembered on the team object that the page hands to every section: which modules
each member completed (the page's progress column, pre-work's "modules completed")."""

from courses.models import ModuleCompletion


def member_user_ids(team):
    """Ids of the team's members who have an account (from its loaded members)."""
    return [member.user_id for member in team.members.all() if member.user_id]


def member_completions(team):
    """{(user id, module id): module translation key} of every module completion of the
    team's members: one query for the request."""
    cache = team.__dict__.setdefault("_team_members_cache", {})
    if "completions" not in cache:
        rows = ModuleCompletion.objects.filter(user__in=member_user_ids(team))
        cache["completions"] = {
            (user_id, module_id): key
            for user_id, module_id, key in rows.values_list(
                "user_id", "module_id", "module__translation_key"
            )
        }
    return cache["completions"]
