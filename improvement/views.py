"""Entering a team's data, routes of a collaborative's course page below the team's page:
one month at a time, several past months at once or from a CSV file, and a facilitator's
lock on a month.

Who: the team's data contacts and the course's facilitators and editors
(`teams.access.can_enter_data`). Anyone who may not see the team gets 404, under every
language prefix; a team member who is not a data contact is told why (403). Bad input
is re-shown with its messages and a 400, a locked month or a stale form is a 409, and
nothing is written unless the whole submit is valid.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.csv_files import csv_response
from courses import access as course_access
from courses.responses import refuse, vary_on_member
from improvement import entry, uploads
from teams import access
from teams.models import Team


class Refusal(Exception):
    def __init__(self, response):
        super().__init__()
        self.response = response


def entry_team(request, course, team_slug):
    """The team whose data the visitor may enter, or a Refusal."""
    if not course.has_teams:
        raise Http404
    if not request.user.is_authenticated:
        raise Refusal(redirect_to_login(request.get_full_path()))
    team = get_object_or_404(Team, course=course_access.original(course), slug=team_slug)
    if not access.can_view_team(request.user, team, course):
        raise Http404
    if not access.can_enter_data(request.user, team, course):
        message = _("Only the team's data contacts and the course's facilitators enter data.")
        raise Refusal(refuse(request, course, message, 403))
    return team


def refusing(view):
    """Call `view(request, course, team)` for a team the visitor may enter data for;
    a Refusal raised on the way is its response."""

    def wrapped(request, course, team_slug, **kwargs):
        try:
            team = entry_team(request, course, team_slug)
            return view(request, course, team, **kwargs)
        except Refusal as refusal:
            return refusal.response

    return wrapped


def data_url(course, team, name="team_data"):
    return course.url + course.reverse_subpage(name, kwargs={"team_slug": team.slug})


def chosen_month(request, course, months, source):
    """The month the request names (default: last month), or a Refusal."""
    text = source.get("month")
    month = entry.parse_month(text) if text else (months[0] if months else None)
    if month is None or month not in months:
        message = _("Choose a month between the first month of the measures and last month.")
        raise Refusal(refuse(request, course, message, 400))
    return month


@require_http_methods(["GET", "HEAD", "POST"])
@refusing
def month_entry(request, course, team):
    measures = entry.course_measures(course_access.original(course))
    months = entry.open_months(measures)
    month = chosen_month(request, course, months, request.POST or request.GET)
    stored = entry.stored_values(team, measures, [month])
    form = entry.MonthForm(measures, month, stored, request.POST or None)
    status = 200
    if request.method == "POST":
        if form.locked:
            message = _("This month is locked: ask a facilitator to unlock it.")
            return refuse(request, course, message, 409)
        if form.is_valid():
            if not form.changes():
                messages.info(request, _("Nothing changed: these values were already saved."))
                return redirect(f"{data_url(course, team)}?month={month:%Y-%m}")
            if form.is_stale():
                message = _("Someone changed this month since you opened it. Open it again.")
                return refuse(request, course, message, 409)
            count = entry.save_changes(team, [form], request.user)
            messages.success(request, _("Saved: %(count)d values changed.") % {"count": count})
            return redirect(f"{data_url(course, team)}?month={month:%Y-%m}")
        status = 400
    context = {
        "course": course,
        "page": course,
        "team": team,
        "form": form,
        "month": month,
        "months": months,
        "facilitating": course_access.can_facilitate(request.user, course),
    }
    response = TemplateResponse(request, "improvement/month_entry.html", context, status=status)
    return vary_on_member(request, response)


@require_POST
@refusing
def lock_month(request, course, team):
    if not course_access.can_facilitate(request.user, course):
        return refuse(request, course, _("Only the course's facilitators lock a month."), 403)
    measures = entry.course_measures(course_access.original(course))
    month = chosen_month(request, course, entry.open_months(measures), request.POST)
    locked = request.POST.get("action") != "unlock"
    entry.set_locked(team, measures, month, locked)
    done = _("The month is locked.") if locked else _("The month is open for corrections again.")
    messages.success(request, done)
    return redirect(f"{data_url(course, team)}?month={month:%Y-%m}")


@require_http_methods(["GET", "HEAD", "POST"])
@refusing
def baseline_entry(request, course, team):
    """Several past months at once: a grid of months × measures, or a CSV file."""
    measures = entry.course_measures(course_access.original(course))
    months = entry.open_months(measures)[::-1]
    stored = entry.stored_values(team, measures, months)
    grid = "grid" in request.POST
    forms = [
        entry.MonthForm(measures, m, stored, request.POST if grid else None, with_comments=False)
        for m in months
    ]
    problems, status = [], 200
    if request.method == "POST":
        if grid:  # locked months are shown, not sent
            changing = [form for form in forms if not form.locked]
        else:
            try:
                changing = uploads.month_forms(request.FILES.get("file"), measures, months, stored)
            except uploads.CsvProblems as error:
                problems, changing = error.problems, []
        if not problems and all(form.is_valid() for form in changing):
            if not any(form.changes() for form in changing):
                messages.info(request, _("Nothing changed: these values were already saved."))
                return redirect(data_url(course, team, "team_data_baseline"))
            if any(form.is_stale() for form in changing if form.changes()):
                message = _("Someone changed these months since you opened them. Open them again.")
                return refuse(request, course, message, 409)
            count = entry.save_changes(team, changing, request.user)
            messages.success(request, _("Saved: %(count)d values changed.") % {"count": count})
            return redirect(data_url(course, team, "team_data_baseline"))
        status = 400
    context = {
        "course": course,
        "page": course,
        "team": team,
        "measures": measures,
        "forms": forms,
        "problems": problems,
        "columns": uploads.COLUMNS,
    }
    response = TemplateResponse(request, "improvement/baseline_entry.html", context, status=status)
    return vary_on_member(request, response)


@require_http_methods(["GET", "HEAD"])
@refusing
def csv_template(request, course, team):
    """The upload's template: a row per open month and measure, with what is stored."""
    measures = entry.course_measures(course_access.original(course))
    months = entry.open_months(measures)[::-1]
    stored = entry.stored_values(team, measures, months)
    rows = uploads.template_rows(measures, months, stored)
    return csv_response(f"{team.slug}-data", uploads.COLUMNS, rows)
