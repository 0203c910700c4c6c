"""Wagtail hooks of teams: the admin, the routes below collaborative course pages, the
link on the course page, the demo."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.routing import PageRoute
from courses.models import CoursePage
from teams import access
from teams.admin_views import TeamPolicy, TeamViewSet
from teams.models import Team
from teams.views import team_list, team_page

register_permission_policy(Team, TeamPolicy(Team))


@hooks.register("register_admin_viewset")
def register_teams_admin():
    return TeamViewSet("teams")


@hooks.register("register_page_routes")
def teams_routes():
    return [
        PageRoute(CoursePage, "teams/", team_list, "teams"),
        PageRoute(CoursePage, "teams/<slug:team_slug>/", team_page, "team"),
    ]


@hooks.register("page_sections")
def teams_section(page, request):
    """On a collaborative's course page, for its members: the team list and their teams."""
    if not isinstance(page, CoursePage) or not page.has_teams:
        return None
    if not access.can_view_team_list(request.user, page):
        return None
    teams = access.course_teams(page).filter(pk__in=access.memberships(request.user, page))
    context = {"page": page, "teams": teams}
    return render_to_string("teams/course_section.html", context, request=request)


@hooks.register("load_demo_content", order=60)
def load_teams_demo(scale, stdout):
    from teams import demo

    demo.load(scale, stdout)
