"""Wagtail hooks of pre-work: the items' admin, the overview and tick routes below a
course page, its sections on the course page, the team page and the dashboard, overdue
reminders, the demo."""

from wagtail import hooks

from core.routing import PageRoute
from courses.models import CoursePage
from prework import reminders, sections, views
from prework.admin_views import PreworkItemViewSet


@hooks.register("register_admin_viewset")
def register_prework_admin():
    return PreworkItemViewSet("prework")


@hooks.register("register_page_routes")
def prework_routes():
    return [
        PageRoute(CoursePage, "prework/", views.overview, "prework"),
        PageRoute(CoursePage, "prework/<int:item_id>/tick/", views.tick, "prework_tick"),
    ]


@hooks.register("page_sections")
def prework_course_section(page, request):
    return sections.course_section(page, request)


@hooks.register("team_page_sections")
def prework_team_section(team, course, request):
    return sections.team_section(team, course, request)


@hooks.register("dashboard_panels", order=25)
def prework_dashboard_panel(request):
    return sections.dashboard_panel(request)


@hooks.register("send_reminders")
def send_overdue_prework(now, result):
    reminders.send_overdue(now, result)


@hooks.register("load_demo_content", order=75)
def load_prework_demo(scale, stdout):
    from prework import demo

    demo.load(scale, stdout)
