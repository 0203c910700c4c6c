""" "Contact this team", a route of a collaborative's course page below its measures: a
member of the collaborative writes to the senior leaders of a team that shares with the
collaborative (named to its peers), by email. The leaders' addresses are never shown;
their reply goes to the sender (Reply-To). Each member may send CONTACT_RATE messages a
day, counted by `core.throttle`: enough to reach several teams, too few to spam them;
over it, a 429.

Who: the course's members, facilitators and editors (`teams.access.can_view_team_list`);
anyone else, or a team that does not share, gets a 404 under every language prefix.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.throttle import allow
from courses import access as course_access
from courses.responses import refuse, vary_on_member
from improvement import pdsa_mail
from improvement.models import Measure
from improvement.pdsa_forms import ContactForm
from teams import access
from teams.models import Team
from teams.views import signed_in_collaborative

CONTACT_RATE = (5, 24 * 60 * 60)


@require_http_methods(["GET", "HEAD", "POST"])
def contact_team(request, course, measure_id, team_slug):
    if refused := signed_in_collaborative(request, course):
        return refused
    if not access.can_view_team_list(request.user, course):
        raise Http404
    original = course_access.original(course)
    measure = get_object_or_404(Measure, course=original, pk=measure_id)
    team = get_object_or_404(Team, course=original, slug=team_slug, named_to_peers=True)
    if team.pk in access.memberships(request.user, course):
        return refuse(request, course, _("This is your own team."), 400)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if not allow("improvement-contact", request.user.pk, CONTACT_RATE):
                message = _("You have sent many messages to teams: try again tomorrow.")
                return refuse(request, course, message, 429)
            has_leader = pdsa_mail.contact_emails(
                course, team, measure, request.user, form.cleaned_data["message"]
            )
            if not has_leader:
                message = _("This team has no leader to write to yet: ask a facilitator.")
                return refuse(request, course, message, 409)
            messages.success(request, _("Message sent to the team's leader."))
            return redirect(course.url + course.reverse_subpage("measures"))
        status = 400
    context = {"course": course, "page": course, "team": team, "measure": measure, "form": form}
    response = TemplateResponse(request, "improvement/pdsa/contact.html", context, status=status)
    return vary_on_member(request, response)
