from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from forums import admin_home, dashboard, demo
from forums.admin_views import ForumsAdminGroup, NoAddPolicy, ReportPolicy
from forums.models import Report, Topic

register_permission_policy(Topic, NoAddPolicy(Topic))
register_permission_policy(Report, ReportPolicy(Report))
register_snippet(ForumsAdminGroup)


@hooks.register("load_demo_content", order=30)
def load_forum_demo(scale, stdout):

    demo.load(scale, stdout)


@hooks.register("dashboard_panels")
def forum_dashboard_panel(request):
    return dashboard.panel(request)


@hooks.register("construct_homepage_panels")
def open_reports_panel(request, panels):
    admin_home.open_reports_panel(request, panels)
