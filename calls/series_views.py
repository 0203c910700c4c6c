"""The pages of consultation series, routes of a course page."""

from calls.models import ConsultationSeries
from courses import access


def course_series(course):
    return ConsultationSeries.objects.filter(course=access.original(course))
