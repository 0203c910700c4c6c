"""Facilitators' column on the team list (the `team_list_columns` hook of teams): each
team's status for the month just ended. Three queries for any number of teams; no
column for a course without measures."""

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from courses import access as course_access
from improvement.choices import DataStatus
from improvement.entry import last_month
from improvement.models import Measure
from improvement.status import team_statuses


def status_column(course, teams):
    original = course_access.original(course)
    if not Measure.objects.filter(course=original).exists():
        return None
    statuses = team_statuses(teams, original)
    heading = _("Data for %(month)s") % {"month": date_format(last_month(), "YEAR_MONTH_FORMAT")}
    cells = {
        team_id: format_html(
            '<span class="data-status data-status--{}">{}</span>', status, DataStatus(status).label
        )
        for team_id, status in statuses.items()
    }
    return heading, cells
