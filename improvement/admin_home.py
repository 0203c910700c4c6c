"""The "Late team data" panel of the editor's admin home: from the due day, the active
teams of the courses this person edits or facilitates that miss a required measure for
last month, each linked to its data page."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.admin_panels import ListPanel
from courses import access
from courses.choices import ProgrammeForm
from improvement.entry import last_month
from improvement.late_data import late_teams
from improvement.status import is_due
from improvement.views import data_url
from teams.choices import TeamStatus

PANEL_ROWS = 5


def late_data_panel(request, panels):
    today = timezone.localdate()
    if not is_due(today):
        return
    month = last_month(today)
    courses = (
        access.facilitated_courses(request.user)
        .live()
        .filter(programme_form=ProgrammeForm.COLLABORATIVE, teams__status=TeamStatus.ACTIVE)
    )
    late = [
        (course, team) for course in courses.distinct() for team, _m in late_teams(course, month)
    ]
    if not late:
        return
    rows = [
        (f"{team.name} · {course.title}", f"{data_url(course, team)}?month={month:%Y-%m}")
        for course, team in late[:PANEL_ROWS]
    ]
    summary = ngettext(
        "%(count)s team has not entered its data for %(month)s.",
        "%(count)s teams have not entered their data for %(month)s.",
        len(late),
    ) % {"count": len(late), "month": date_format(month, "YEAR_MONTH_FORMAT")}
    panels.append(ListPanel("late-team-data", _("Late team data"), summary, rows, order=80))
