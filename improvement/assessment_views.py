"""The assessment scale's pages, routes of a collaborative's course page: a team's
rating of one month (`<course>/teams/<team>/assessment/`) and the collaborative's
ratings month by month (`<course>/assessment/`).

Who: a team's members give its own rating, the course's facilitators and editors the
faculty rating (`ratings.rater_kind`); anyone who may not see the team gets 404 under
every language prefix, visitors are sent to sign in. The collaborative view is the
facilitators' and editors': other members are told why (403), everyone else 404. A
level off the scale or a month not open is a 400, a locked month a 409, and nothing is
written then.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from courses import access as course_access
from courses.responses import refuse, vary_on_member
from improvement import assessment_overview, ratings
from improvement.assessment import LEVELS, AssessmentRating, RaterKind
from improvement.entry import parse_month, plain_text
from teams import access
from teams.models import Team


class RatingForm(forms.Form):
    level = forms.TypedChoiceField(
        label=gettext_lazy("Level"),
        choices=[(f"{level:.1f}", f"{level:.1f}") for level in LEVELS],
        coerce=lambda text: LEVELS[[f"{level:.1f}" for level in LEVELS].index(text)],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose a level of the scale."),
            "invalid_choice": gettext_lazy(
                "Choose a level of the scale: 1.0 to 5.0 in steps of 0.5."
            ),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
        help_text=gettext_lazy("Optional: what the rating rests on."),
    )


def team_url(course, team):
    return course.url + course.reverse_subpage("team", kwargs={"team_slug": team.slug})


def chosen_month(source, months):
    """The month the request names (default: the current month), or None if not open."""
    text = source.get("month")
    month = parse_month(text) if text else months[0]
    return month if month in months else None


@require_http_methods(["GET", "HEAD", "POST"])
def team_assessment(request, course, team_slug):
    if not course.has_teams:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    team = get_object_or_404(Team, course=course_access.original(course), slug=team_slug)
    if not access.can_view_team(request.user, team, course):
        raise Http404
    kind = ratings.rater_kind(request.user, team, course)
    months = ratings.open_months(course)
    month = chosen_month(request.POST or request.GET, months)
    if month is None:
        message = _("Choose a month between the course's first month and this month.")
        return refuse(request, course, message, 400)
    stored = {r.kind: r for r in AssessmentRating.objects.filter(team=team, month=month)}
    mine = stored.get(kind)
    locked = month in ratings.locked_months(team)
    initial = {"level": f"{mine.level:.1f}", "note": mine.note} if mine else {}
    form = RatingForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if locked:
            message = _("This month is locked: ask a facilitator to unlock it.")
            return refuse(request, course, message, 409)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ratings.save_rating(team, month, kind, data["level"], data["note"], request.user)
            except ratings.MonthLocked:
                message = _("This month is locked: ask a facilitator to unlock it.")
                return refuse(request, course, message, 409)
            messages.success(request, _("Rating saved."))
            return redirect(team_url(course, team))
        status = 400
    levels = ratings.levels()
    context = {
        "course": course,
        "page": course,
        "team": team,
        "form": form,
        "month": month,
        "months": months,
        "kind": kind,
        "locked": locked,
        "levels": [levels.get(level) for level in LEVELS],
        "own": stored.get(RaterKind.SELF),
        "faculty": stored.get(RaterKind.FACULTY),
    }
    template = "improvement/assessment/rating.html"
    return vary_on_member(request, TemplateResponse(request, template, context, status=status))


@require_http_methods(["GET", "HEAD"])
def collaborative_assessment(request, course):
    if not course.has_teams:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not course_access.can_view_members_content(request.user, course):
        raise Http404
    if not course_access.can_facilitate(request.user, course):
        message = _("Only the course's facilitators see every team's ratings.")
        return refuse(request, course, message, 403)
    context = {"course": course, "page": course, **assessment_overview.overview(course)}
    template = "improvement/assessment/collaborative.html"
    return vary_on_member(request, TemplateResponse(request, template, context))
