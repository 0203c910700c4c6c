"""Facilitators' column on the team list (the `team_list_columns` hook of teams): each
team's status for the month just ended. Two queries for any number of teams."""

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from courses import access as course_access
from improvement.choices import DataStatus
from improvement.entry import last_month
from improvement.status import team_statuses


def status_column(course, teams):
    statuses = team_statuses(teams, course_access.original(course))
    heading = _("Data for %(month)s") % {"month": date_format(last_month(), "YEAR_MONTH_FORMAT")}
    cells = {
        team_id: format_html(
            '<span class="data-status data-status--{}">{}</span>', status, DataStatus(status).label
        )
        for team_id, status in statuses.items()
    }
    return heading, cells
