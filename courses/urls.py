from django.urls import include, path, re_path

from courses import views

# Course pages route their own actions (see CoursePage). Wagtail's page URLs cannot end
# in “.ics”, so the course calendar is matched here, before Wagtail's catch-all; the
# personal feed lives beside the dashboard it belongs to.
urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w-]+/)+)calendar\.ics$",
        views.course_calendar,
        name="courses_course_calendar",
    ),
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
]

# Evaluations, attendance and certificates; applications and reminders (their own modules).
urlpatterns += [
    path("", include("courses.evaluation_urls")),
    path("", include("courses.application_urls")),
]
