"""The team list and a team's page, routes of a collaborative's course page.

Every request asks `teams.access`; a team the visitor may not see, or a course that has
no teams (a learning community), is a 404 under every language prefix. What other apps
show on these pages (measures, data status, attendance) comes through the hooks
`team_list_columns`, `team_member_columns` and `team_page_sections` (README).
"""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import conditional_escape
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from courses import access as course_access
from courses.progress import remembered_structure
from courses.responses import vary_on_member
from teams import access
from teams.members import member_completions, member_user_ids
from teams.models import Team, TeamMember


def columns(hook_name, *args):
    """[(heading, {key: text})] that the hook's functions contribute (None: nothing)."""
    return [column for fn in hooks.get_hooks(hook_name) if (column := fn(*args))]


def signed_in_collaborative(request, course):
    """None to go on; a login redirect for visitors. 404 for a course without teams."""
    if not course.has_teams:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


@require_http_methods(["GET", "HEAD"])
def team_list(request, course):
    if refused := signed_in_collaborative(request, course):
        return refused
    if not access.can_view_team_list(request.user, course):
        raise Http404
    teams = list(access.course_teams(course).annotate(size=Count("members")))
    facilitating = course_access.can_facilitate(request.user, course)
    extra = columns("team_list_columns", course, teams, request) if facilitating else []
    # Hook HTML made with render_to_string or format_html stays HTML; plain text is escaped.
    rows = [
        (team, [conditional_escape(values.get(team.pk, "")) for _h, values in extra])
        for team in teams
    ]
    mine = access.memberships(request.user, course)
    context = {
        "course": course,
        "page": course,
        "rows": rows,
        "headings": [heading for heading, _values in extra],
        "facilitating": facilitating,
        "mine": mine,
    }
    return vary_on_member(request, TemplateResponse(request, "teams/team_list.html", context))


def module_progress(course, team):
    """{user id: (modules completed, live modules)} for the team's members: the course's
    remembered structure and the members' completions (`teams.members`, one query)."""
    modules = [module for _path, module in remembered_structure(course_access.original(course))[0]]
    keys = {module.translation_key for module in modules}
    done = {}
    for (user_id, _module_id), key in member_completions(team).items():
        if key in keys:
            done.setdefault(user_id, set()).add(key)
    return {
        user_id: (len(done.get(user_id, ())), len(modules)) for user_id in member_user_ids(team)
    }


@require_http_methods(["GET", "HEAD"])
def team_page(request, course, team_slug):
    if refused := signed_in_collaborative(request, course):
        return refused
    team = get_object_or_404(
        Team.objects.prefetch_related(
            Prefetch("members", queryset=TeamMember.objects.select_related("user"))
        ),
        course=course_access.original(course),
        slug=team_slug,
    )
    if not access.can_view_team(request.user, team, course):
        raise Http404
    members = list(team.members.all())
    users = [member.user for member in members if member.user_id]
    extra = columns("team_member_columns", course, users)
    progress = module_progress(course, team)
    rows = [
        (
            member,
            progress.get(member.user_id),
            [values.get(member.user_id, "") for _h, values in extra],
        )
        for member in members
    ]
    sections = [
        conditional_escape(html)  # the contributing app's rendered template stays HTML
        for fn in hooks.get_hooks("team_page_sections")
        if (html := fn(team, course, request))
    ]
    context = {
        "course": course,
        "page": course,
        "team": team,
        "rows": rows,
        "headings": [heading for heading, _values in extra],
        "sections": sections,
        "facilitating": course_access.can_facilitate(request.user, course),
    }
    return vary_on_member(request, TemplateResponse(request, "teams/team_page.html", context))
