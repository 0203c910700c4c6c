"""A team's data on its page (the `team_page_sections` hook of teams): the status of the
month just ended, links to enter data for those who may, and the history of changes.
One query whatever the number of months and changes shown (the history), the team's
values shared with the page's other sections (`series.team_values`)."""

from django.template.loader import render_to_string

from courses import access as course_access
from improvement import series
from improvement.entry import last_month
from improvement.models import ValueChange
from improvement.status import team_statuses
from teams import access

RECENT_CHANGES = 20


def recent_changes(team):
    changes = ValueChange.objects.filter(value__team=team).select_related(
        "value__measure", "changed_by"
    )
    return list(changes.order_by("-changed_at", "-pk")[:RECENT_CHANGES])


def render(team, course, request):
    original = course_access.original(course)
    if not series.measures_of(original.pk):
        return None
    context = {
        "team": team,
        "course": course,
        "month": last_month(),
        "status": team_statuses([team], original, values={team.pk: series.team_values(team)})[
            team.pk
        ],
        "can_enter": access.can_enter_data(request.user, team, course),
        "changes": recent_changes(team),
    }
    return render_to_string("improvement/data_section.html", context, request=request)
