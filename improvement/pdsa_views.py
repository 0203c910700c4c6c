"""A team's PDSA log, routes of a collaborative's course page below the team's page:
the log as ramps, a cycle's page with its comments, the new and edit forms; and the
facilitators' list of every team's cycles (`<course>/pdsa/`).

Access as `improvement.pdsa` says: a team member writes (anyone else who may see the
team gets 403 with the reason), facilitators and editors comment, anyone else gets 404.
Bad input is shown again with its messages and a 400, and nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses import access as course_access
from courses.responses import refuse, vary_on_member
from improvement import pdsa, pdsa_mail
from improvement.pdsa_choices import CycleDecision
from improvement.pdsa_forms import CommentForm, CycleFilter, CycleForm
from improvement.pdsa_models import PdsaCycle
from improvement.views import Refusal
from teams import access
from teams.models import Team
from teams.views import signed_in_collaborative


def log_url(course, team, name="pdsa", **kwargs):
    return course.url + course.reverse_subpage(name, kwargs={"team_slug": team.slug, **kwargs})


def visible_team(request, course, team_slug):
    """The team whose log the visitor may read, or a Refusal (404 for everyone else)."""
    if not course.has_teams:
        raise Http404
    if not request.user.is_authenticated:
        raise Refusal(redirect_to_login(request.get_full_path()))
    team = get_object_or_404(Team, course=course_access.original(course), slug=team_slug)
    if not access.can_view_team(request.user, team, course):
        raise Http404
    return team


def writable_team(request, course, team_slug):
    team = visible_team(request, course, team_slug)
    if not pdsa.can_write(request.user, team, course):
        message = _("Only the team's members write its PDSA cycles; facilitators comment on them.")
        raise Refusal(refuse(request, course, message, 403))
    return team


def answering_refusals(view):
    def wrapped(request, course, **kwargs):
        try:
            return view(request, course, **kwargs)
        except Refusal as refusal:
            return refusal.response

    return wrapped


def page(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    return vary_on_member(request, response)


@require_http_methods(["GET", "HEAD"])
@answering_refusals
def cycle_log(request, course, team_slug):
    team = visible_team(request, course, team_slug)
    context = {
        "course": course,
        "page": course,
        "team": team,
        "ramps": pdsa.ramps(pdsa.team_cycles(team)),
        "writing": pdsa.can_write(request.user, team, course),
        "facilitating": course_access.can_facilitate(request.user, course),
    }
    return page(request, "improvement/pdsa/log.html", context)


def cycle_form_page(request, course, team, cycle=None):
    original = course_access.original(course)
    form = CycleForm(
        request.POST or None,
        request.FILES or None,
        instance=cycle,
        team=team,
        course=original,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            created = cycle is None
            saved = form.save_cycle(request.user)
            if created:
                pdsa_mail.new_cycle_emails(course, saved)
                messages.success(request, _("Cycle saved: the facilitators are told."))
            else:
                messages.success(request, _("Cycle saved."))
            return redirect(log_url(course, team, "pdsa_cycle", cycle_id=saved.pk))
        status = 400
    context = {"course": course, "page": course, "team": team, "form": form, "cycle": cycle}
    return page(request, "improvement/pdsa/form.html", context, status)


@require_http_methods(["GET", "HEAD", "POST"])
@answering_refusals
def new_cycle(request, course, team_slug):
    team = writable_team(request, course, team_slug)
    return cycle_form_page(request, course, team)


@require_http_methods(["GET", "HEAD", "POST"])
@answering_refusals
def edit_cycle(request, course, team_slug, cycle_id):
    team = writable_team(request, course, team_slug)
    cycle = get_object_or_404(PdsaCycle, team=team, pk=cycle_id)
    return cycle_form_page(request, course, team, cycle)


@require_http_methods(["GET", "HEAD", "POST"])
@answering_refusals
def cycle_page(request, course, team_slug, cycle_id):
    """The cycle; a POST is a comment by a team member, a facilitator or an editor."""
    team = visible_team(request, course, team_slug)
    cycle = pdsa.cycle_detail(team, cycle_id)
    if cycle is None:
        raise Http404
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not pdsa.can_comment(request.user, team, course):
            message = _("Only the team and the course's facilitators comment on its cycles.")
            return refuse(request, course, message, 403)
        if form.is_valid():
            comment = form.save(commit=False)
            comment.cycle, comment.author = cycle, request.user
            comment.save()
            pdsa_mail.new_comment_emails(course, comment)
            messages.success(request, _("Comment posted: the team is told."))
            return redirect(log_url(course, team, "pdsa_cycle", cycle_id=cycle.pk))
        status = 400
    context = {
        "course": course,
        "page": course,
        "team": team,
        "cycle": cycle,
        "form": form,
        "writing": pdsa.can_write(request.user, team, course),
        "commenting": pdsa.can_comment(request.user, team, course),
    }
    return page(request, "improvement/pdsa/cycle.html", context, status)


@require_http_methods(["GET", "HEAD"])
def course_cycles(request, course):
    """Every team's cycles for the course's facilitators and editors, filtered by
    measure and status, with the change ideas teams adopted."""
    if refused := signed_in_collaborative(request, course):
        return refused
    if not course_access.can_facilitate(request.user, course):
        raise Http404
    original = course_access.original(course)
    form = CycleFilter(request.GET or None, course=original)
    cycles = (
        PdsaCycle.objects.filter(team__course=original)
        .select_related("team")
        .prefetch_related("measures")
        .order_by("team__name", "start_date", "pk")
    )
    status = 200
    if form.is_bound and not form.is_valid():
        status, cycles = 400, cycles.none()
    elif form.is_bound:
        cycles = form.filter(cycles)
    cycles = list(cycles)
    context = {
        "course": course,
        "page": course,
        "form": form,
        "cycles": cycles,
        "adopted": [cycle for cycle in cycles if cycle.decision == CycleDecision.ADOPT],
    }
    return page(request, "improvement/pdsa/course_cycles.html", context, status)


def team_page_link(team, course, request):
    """On the team's page: the way to its PDSA log, for those who may read it."""
    if not access.can_view_team(request.user, team, course):
        return None
    url = log_url(course, team)
    return format_html(
        '<section aria-labelledby="team-pdsa-heading"><h2 id="team-pdsa-heading">{}</h2>'
        '<p><a href="{}">{}</a></p></section>',
        _("PDSA cycles"),
        url,
        _("The team's PDSA cycles: its tests of change and the facilitators' comments"),
    )


def refuse_cycle_document(document, request):
    """A document attached to a PDSA cycle is served only to those who may read the
    cycle's team (`before_serve_document`); any other document is left to the others."""
    cycles = list(PdsaCycle.objects.filter(documents=document).select_related("team__course"))
    if not cycles:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if any(access.can_view_team(request.user, c.team, c.team.course) for c in cycles):
        return None
    raise Http404
