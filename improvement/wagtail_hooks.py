"""Wagtail hooks of improvement: the measures admin, the run charts on a team's page,
the collaborative view and its CSV, the dashboard panel, the demo data."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.routing import PageRoute, file_route
from courses.models import CoursePage
from improvement import dashboard, team_section
from improvement.admin_views import BaselineViewSet, MeasureViewSet
from improvement.models import Baseline, Measure
from improvement.views import measures_csv, measures_view
from teams.admin_views import TeamPolicy

register_permission_policy(Measure, TeamPolicy(Measure))
register_permission_policy(Baseline, TeamPolicy(Baseline))


@hooks.register("register_admin_viewset")
def register_measures_admin():
    return MeasureViewSet("measures")


@hooks.register("register_admin_viewset")
def register_baselines_admin():
    return BaselineViewSet("baselines")


@hooks.register("register_page_routes")
def improvement_routes():
    return [
        PageRoute(CoursePage, "measures/", measures_view, "measures"),
        PageRoute(CoursePage, file_route("measures.csv"), measures_csv, "measures_csv"),
    ]


@hooks.register("dashboard_panels", order=20)  # after the courses, attendance, evaluations
def dashboard_improvement(request):
    return dashboard.panel(request)


@hooks.register("team_page_sections")
def team_measures_section(team, course, request):
    return team_section.render(team, course, request)


@hooks.register("load_demo_content", order=70)
def load_improvement_demo(scale, stdout):
    from improvement import demo

    demo.load(scale, stdout)
