"""Routes of a course page: the facilitators' overview of everyone's pre-work, and the
tick (or untick) of a manual item by a team leader or a community participant.

Every request asks `courses.access` (and `teams.access`): the overview is a 404 to
anyone but the course's facilitators and editors; a tick is refused with a reason and
nothing written unless the item is manual, of this course, and the person may speak
for that team (its senior leaders) or is that participant.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses import access
from courses.responses import back, refuse, vary_on_member
from prework import status
from prework.models import PreworkItem, PreworkTick
from teams import access as team_access
from teams.models import Team


@require_http_methods(["GET", "HEAD"])
def overview(request, course):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can_facilitate(request.user, course):
        raise Http404
    original = access.original(course)
    items = status.course_items([original.pk])[original.pk]
    owners = status.course_owners(original)
    found = status.states(owners, {original.pk: items})
    context = {
        "page": course,
        "course": course,
        "items": items,
        "rows": [(owner, found[owner.key]) for owner in owners],
    }
    return vary_on_member(request, TemplateResponse(request, "prework/overview.html", context))


def tick_owner(request, course):
    """{"team": …} or {"user": …} whose item the person may tick, else a refusal."""
    if course.has_teams:
        team = Team.objects.filter(course=course, slug=request.POST.get("team", "")).first()
        if team is None:
            return None, refuse(request, course, _("Choose one of this course's teams."), 400)
        member = team_access.memberships(request.user, course).get(team.pk)
        if not (member and member.is_senior_leader):
            message = _("Only the team's senior leaders tick its pre-work.")
            return None, refuse(request, course, message, 403)
        return {"team": team, "user": None}, None
    if not access.tracks_progress(request.user, course):
        message = _("Only the course's participants tick their own pre-work.")
        return None, refuse(request, course, message, 403)
    return {"team": None, "user": request.user}, None


@require_POST
def tick(request, course, item_id):
    if not request.user.is_authenticated:
        return refuse(request, course, _("Please sign in first."), 403)
    original = access.original(course)
    item = get_object_or_404(PreworkItem, pk=item_id, course=original)
    if not item.is_manual:
        message = _("This item ticks itself when the site sees it done.")
        return refuse(request, course, message, 400)
    done = request.POST.get("done")
    if done not in ("0", "1"):
        return refuse(request, course, _("Say whether the item is done."), 400)
    owner, refused = tick_owner(request, original)
    if refused:
        return refused
    if done == "1":
        PreworkTick.objects.get_or_create(item=item, **owner, defaults={"ticked_by": request.user})
    else:
        PreworkTick.objects.filter(item=item, **owner).delete()
    return back(request, course.url)
