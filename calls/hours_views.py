"""The hours report, routes of a course page: `<course>/hours/` and `<course>/hours.csv`.
The course's facilitators and editors see everyone; a member sees their own hours and
their team's; anyone else signed in gets 404."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from calls.consultations import team_mate_ids
from calls.hours import course_hours
from core.csv_files import csv_response
from courses import access
from courses.responses import vary_on_member


def visible_hours(request, course):
    """The rows this person may see, or None to send a visitor to sign in."""
    user = request.user
    if not user.is_authenticated:
        return None
    if access.can_facilitate(user, course):
        return course_hours(course)
    if access.can_view_members_content(user, course):
        return course_hours(course, only=team_mate_ids(user, course))
    raise Http404


def hours(value):
    return round(value, 2)


@require_http_methods(["GET", "HEAD"])
def hours_page(request, course):
    rows = visible_hours(request, course)
    if rows is None:
        return redirect_to_login(request.get_full_path())
    context = {
        "course": course,
        "page": course,
        "rows": rows,
        "facilitating": access.can_facilitate(request.user, course),
    }
    return vary_on_member(request, TemplateResponse(request, "calls/hours_page.html", context))


@require_http_methods(["GET", "HEAD"])
def hours_csv(request, course):
    rows = visible_hours(request, course)
    if rows is None:
        return redirect_to_login(request.get_full_path())
    header = [
        _("Person"),
        _("Email"),
        _("Organisation"),
        _("Country"),
        _("Sessions attended"),
        _("Workshop hours"),
        _("Informational call hours"),
        _("Consultation call hours"),
        _("Total hours"),
    ]
    lines = [
        [
            row.person.get_full_name() or row.person.username,
            row.person.email,
            row.person.organisation,
            row.person.country,
            row.sessions,
            hours(row.workshops),
            hours(row.calls),
            hours(row.consultations),
            hours(row.total),
        ]
        for row in rows
    ]
    return csv_response(f"{access.original(course).slug}-hours", header, lines)
