"""Attendance and certificates (evaluations are routes of EvaluationPage).

Wagtail cannot route “<workshop>/attendance/” or “<course>/certificate/” (the pages
have no such routes), so they are matched here, before Wagtail's catch-all. A path
that is not a workshop or course of the site (a page that happens to have that slug)
goes on to Wagtail as usual.
"""

from django.http import Http404
from django.urls import path, re_path
from wagtail.models import Page

from courses.attendance import course_attendance_csv, workshop_attendance
from courses.certificates import course_certificate, verify_certificate
from courses.models import CoursePage, WorkshopPage
from home.views import serve_with_fallback


def page_at(request, page_path, model):
    """The live page of `model` at this path of the request's site, or None."""
    page = Page.find_for_request(request, page_path)
    # The route was remembered for this path, not for the request's own.
    request.__dict__.pop("_wagtail_route_for_request", None)
    page = page.specific if page is not None else None
    return page if isinstance(page, model) else None


def page_view(model, view, suffix):
    def dispatch(request, page_path):
        page = page_at(request, page_path, model)
        if page is not None:
            return view(request, page)
        if suffix is None:
            raise Http404
        return serve_with_fallback(request, page_path + suffix)

    return dispatch


PAGE_PATH = r"^(?P<page_path>(?:[\w-]+/)+)"

urlpatterns = [
    re_path(
        PAGE_PATH + r"attendance/$",
        page_view(WorkshopPage, workshop_attendance, "attendance/"),
        name="courses_workshop_attendance",
    ),
    re_path(
        PAGE_PATH + r"attendance\.csv$",
        page_view(CoursePage, course_attendance_csv, None),
        name="courses_course_attendance_csv",
    ),
    re_path(
        PAGE_PATH + r"certificate/$",
        page_view(CoursePage, course_certificate, "certificate/"),
        name="courses_course_certificate",
    ),
    path("certificates/<str:code>/", verify_certificate, name="courses_verify_certificate"),
]
