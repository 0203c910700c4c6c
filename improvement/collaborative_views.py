"""The collaborative view of a course's measures and its CSV, routes of a collaborative's
course page. Every request asks `teams.access`: the view is for the course's members,
facilitators and editors, the CSV for facilitators and editors; anyone else gets a 404
under every language prefix, as a course without teams does."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from core.csv_files import csv_response
from courses import access as course_access
from courses.responses import vary_on_member
from improvement import collaborative
from teams import access
from teams.views import signed_in_collaborative


@require_http_methods(["GET", "HEAD"])
def measures_view(request, course):
    if refused := signed_in_collaborative(request, course):
        return refused
    if not access.can_view_team_list(request.user, course):
        raise Http404
    context = {
        "course": course,
        "page": course,
        "views": collaborative.measure_views(course, request.user),
        "team_count": access.course_teams(course).count(),
        "facilitating": course_access.can_facilitate(request.user, course),
    }
    response = TemplateResponse(request, "improvement/collaborative.html", context)
    return vary_on_member(request, response)


@require_http_methods(["GET", "HEAD"])
def measures_csv(request, course):
    if refused := signed_in_collaborative(request, course):
        return refused
    if not course_access.can_facilitate(request.user, course):
        raise Http404
    rows = collaborative.csv_rows(course)
    return csv_response(f"{course.slug}-measures", collaborative.CSV_HEADER, rows)
