"""Wagtail hooks of improvement: the measures and baselines admin, data entry below a
team's page, the run charts, status and history on a team's page, the status column of
the team list, the collaborative view and its CSV, the dashboard panel, late-data
emails and the admin home's late-data panel, the demo data."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.routing import PageRoute, file_route
from courses.models import CoursePage, WorkshopPage
from improvement import (
    admin_home,
    assessment_section,
    assessment_views,
    dashboard,
    data_section,
    late_data,
    pdsa_views,
    storyboard_files,
    storyboard_reminders,
    storyboard_views,
    team_list,
    team_section,
    views,
)
from improvement.admin_views import BaselineViewSet, MeasureViewSet
from improvement.assessment_admin import AssessmentLevelViewSet
from improvement.collaborative_views import measures_csv, measures_view
from improvement.contact_views import contact_team
from improvement.models import Baseline, Measure
from teams.admin_views import TeamPolicy

register_permission_policy(Measure, TeamPolicy(Measure))
register_permission_policy(Baseline, TeamPolicy(Baseline))
register_snippet(AssessmentLevelViewSet)


@hooks.register("register_admin_viewset")
def register_measures_admin():
    return MeasureViewSet("measures")


@hooks.register("register_admin_viewset")
def register_baselines_admin():
    return BaselineViewSet("baselines")


@hooks.register("team_page_sections")
def team_measures_section(team, course, request):
    return team_section.render(team, course, request)


@hooks.register("register_page_routes")
def improvement_routes():
    team = "teams/<slug:team_slug>/data/"
    return [
        PageRoute(CoursePage, "measures/", measures_view, "measures"),
        PageRoute(CoursePage, file_route("measures.csv"), measures_csv, "measures_csv"),
        PageRoute(CoursePage, team, views.month_entry, "team_data"),
        PageRoute(CoursePage, team + "lock/", views.lock_month, "team_data_lock"),
        PageRoute(CoursePage, team + "baseline/", views.baseline_entry, "team_data_baseline"),
        PageRoute(
            CoursePage,
            r"^teams/(?P<team_slug>[-\w]+)/data/template\.csv/?$",
            views.csv_template,
            "team_data_template",
        ),
    ]


@hooks.register("team_page_sections")
def team_data_section(team, course, request):
    return data_section.render(team, course, request)


@hooks.register("register_page_routes")
def pdsa_routes():
    log = "teams/<slug:team_slug>/pdsa/"
    cycle = log + "<int:cycle_id>/"
    return [
        PageRoute(CoursePage, log, pdsa_views.cycle_log, "pdsa"),
        PageRoute(CoursePage, log + "new/", pdsa_views.new_cycle, "pdsa_new"),
        PageRoute(CoursePage, cycle, pdsa_views.cycle_page, "pdsa_cycle"),
        PageRoute(CoursePage, cycle + "edit/", pdsa_views.edit_cycle, "pdsa_edit"),
        PageRoute(CoursePage, "pdsa/", pdsa_views.course_cycles, "pdsa_all"),
        PageRoute(
            CoursePage,
            "measures/<int:measure_id>/contact/<slug:team_slug>/",
            contact_team,
            "contact_team",
        ),
    ]


@hooks.register("team_page_sections")
def team_pdsa_section(team, course, request):
    return pdsa_views.team_page_link(team, course, request)


@hooks.register("before_serve_document")
def serve_cycle_documents(document, request):
    return pdsa_views.refuse_cycle_document(document, request)


@hooks.register("team_list_columns")
def team_data_status_column(course, teams, request):
    return team_list.status_column(course, teams)


@hooks.register("dashboard_panels", order=20)  # after the courses, attendance, evaluations
def dashboard_improvement(request):
    return dashboard.panel(request)


@hooks.register("send_reminders")
def send_late_data_emails(now, result):
    late_data.send_late_data_emails(now, result)


@hooks.register("load_demo_content", order=70)
def load_improvement_demo(scale, stdout):
    from improvement import demo

    demo.load(scale, stdout)


@hooks.register("register_page_routes")
def assessment_routes():
    return [
        PageRoute(
            CoursePage,
            "teams/<slug:team_slug>/assessment/",
            assessment_views.team_assessment,
            "team_assessment",
        ),
        PageRoute(
            CoursePage, "assessment/", assessment_views.collaborative_assessment, "assessment"
        ),
    ]


@hooks.register("team_page_sections")
def team_assessment_section(team, course, request):
    return assessment_section.render(team, course, request)


@hooks.register("load_demo_content", order=71)  # after the teams and their data
def load_assessment_demo(scale, stdout):
    from improvement import demo_assessment

    demo_assessment.load(scale, stdout)


@hooks.register("register_page_routes")
def storyboard_routes():
    one = "storyboards/<id:storyboard_id>/"
    return [
        PageRoute(WorkshopPage, "storyboards/", storyboard_views.gallery, "storyboards"),
        PageRoute(
            WorkshopPage, "storyboards/upload/", storyboard_views.upload, "storyboard_upload"
        ),
        PageRoute(WorkshopPage, one + "comment/", storyboard_views.comment, "storyboard_comment"),
        PageRoute(WorkshopPage, one + "feature/", storyboard_views.feature, "storyboard_feature"),
        PageRoute(WorkshopPage, one + "preview/", storyboard_views.preview, "storyboard_preview"),
    ]


@hooks.register("before_serve_document")
def keep_storyboard_files_private(document, request):
    return storyboard_files.refuse_storyboard_document(document, request)


@hooks.register("page_sections")
def storyboards_link(page, request):
    """On a collaborative's workshop page, the storyboards link for the course's members."""
    return storyboard_views.workshop_section(page, request)


@hooks.register("send_reminders")
def send_storyboard_reminders(now, result):
    storyboard_reminders.send_storyboard_reminders(now, result)


@hooks.register("load_demo_content", order=72)
def load_storyboards_demo(scale, stdout):
    from improvement import demo_storyboards

    demo_storyboards.load(scale, stdout)


@hooks.register("construct_homepage_panels")
def late_team_data_panel(request, panels):
    admin_home.late_data_panel(request, panels)
