"""What pre-work adds to other apps' pages through their hooks: the team's items on its
page (teams' `team_page_sections`), a participant's own items and the facilitators' link
on a course page (`page_sections`), and the dashboard panel (`dashboard_panels`).

Each asks `courses.access` / `teams.access` itself: a section is only ever rendered for
the team's members, the participant, or the course's facilitators and editors.
"""

from django.template.loader import render_to_string

from courses import access
from courses.choices import EnrolmentRole, ProgrammeForm
from courses.models import CoursePage
from improvement import dashboard as improvement_dashboard
from improvement import series as improvement_series
from prework import status
from teams import access as team_access
from teams.choices import TeamStatus
from teams.members import member_completions, member_user_ids


def items_context(owner, found, can_tick, course):
    rows = found[owner.key]
    return {
        "owner": owner,
        "rows": rows,
        "done": sum(row.is_done for row in rows),
        "can_tick": can_tick,
        "course": course,
    }


def team_section(team, course, request):
    """What the team's page loaded is shared: its members, their completions and the
    team's monthly values; the items are remembered."""
    original = access.original(course)
    items = status.course_items([original.pk])
    if not items.get(original.pk):
        return None
    owners = status.team_owners([team], {team.pk: member_user_ids(team)})
    values = {team.pk: improvement_series.team_values(team)}
    measures = {team.course_id: improvement_series.measures_of(team.course_id)}
    found = status.states(
        owners,
        items,
        baseline=status.baseline_from(measures, values),
        completions=set(member_completions(team)),
    )
    member = team_access.team_membership(request.user, team, course)
    can_tick = bool(member and member.is_senior_leader)
    context = items_context(owners[0], found, can_tick, course)
    return render_to_string("prework/team_section.html", context, request=request)


def course_section(page, request):
    """A community participant's own pre-work; the overview link for facilitators."""
    if not isinstance(page, CoursePage) or not page.pk:
        return None
    user, original = request.user, access.original(page)
    facilitating = access.can_facilitate(user, page)
    context = {"page": page, "facilitating": facilitating, "owner": None}
    if not page.has_teams and access.tracks_progress(user, page):
        items = status.course_items([original.pk])
        if items.get(original.pk):
            enrolment = access.get_enrolment(user, page)
            owners = status.person_owners([enrolment])
            context.update(items_context(owners[0], status.states(owners, items), True, page))
    if not facilitating and context["owner"] is None:
        return None
    if facilitating and not original.prework_items.exists():
        return None
    return render_to_string("prework/course_section.html", context, request=request)


def dashboard_panel(request):
    """The signed-in person's pre-work in every course: their teams' and their own."""
    user = request.user
    if not user.is_authenticated:
        return None
    teams = [team for team in team_access.user_teams(user) if team.status == TeamStatus.ACTIVE]
    enrolments = [
        enrolment
        for enrolment in access.user_enrolments(user)
        if enrolment.is_member
        and enrolment.role == EnrolmentRole.PARTICIPANT
        and enrolment.course.programme_form == ProgrammeForm.COMMUNITY
    ]
    course_ids = {team.course_id for team in teams} | {e.course_id for e in enrolments}
    items = status.course_items(course_ids) if course_ids else {}
    owners = status.team_owners(
        [team for team in teams if items.get(team.course_id)], team_access.teammate_ids(user)
    )
    owners += status.person_owners([e for e in enrolments if items.get(e.course_id)])
    if not owners:
        return None
    _teams, measures, values = improvement_dashboard.team_data(user)
    found = status.states(owners, items, baseline=status.baseline_from(measures, values))
    courses = {team.course_id: team.course for team in teams}
    courses.update((e.course_id, e.course) for e in enrolments)
    panels = [items_context(owner, found, False, courses[owner.course_id]) for owner in owners]
    return render_to_string("prework/dashboard_panel.html", {"panels": panels}, request=request)
