from django.urls import path

from courses import certificates, views

# Views of courses that live below no page (those below a course are routes of its
# page: see `course_routes` in courses/wagtail_hooks.py).
urlpatterns = [
    path(
        "dashboard/calendar/<str:token>.ics",
        views.personal_calendar,
        name="courses_personal_calendar",
    ),
    path(
        "dashboard/calendar/reset/",
        views.reset_calendar_feed,
        name="courses_reset_calendar_feed",
    ),
    path(
        "certificates/<str:code>/",
        certificates.verify_certificate,
        name="courses_verify_certificate",
    ),
]
