"""The courses panel of the learner's /dashboard/ (the `dashboard_panels` hook)."""

from django.template.loader import render_to_string
from django.urls import reverse

from courses import access
from courses.access import member_workshops
from courses.models import CalendarFeed, ModuleCompletion
from courses.progress import next_session, progress_for

RECENTLY_COMPLETED = 5


def courses_panel(request):
    user = request.user
    courses = list(
        access.member_courses(user)
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
    )
    if not courses:
        return render_to_string("courses/dashboard_first_steps.html", request=request)
    access.load_enrolments(user, courses)
    progress = progress_for(user, courses)
    workshops = member_workshops(user)
    upcoming = next_session([workshop for workshop, _course in workshops])
    recent = (
        ModuleCompletion.objects.filter(user=user, module__live=True)
        .select_related("module")
        .order_by("-completed_at")[:RECENTLY_COMPLETED]
    )
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return render_to_string(
        "courses/dashboard_panel.html",
        {
            "courses": [(course, progress[course.pk]) for course in courses],
            "continue_with": [
                (course, progress[course.pk].next_state)
                for course in courses
                if progress[course.pk].tracked and progress[course.pk].next_state
            ],
            "next_session": upcoming,
            "next_session_course": dict(workshops).get(upcoming),
            "recently_completed": recent,
            "calendar_url": request.build_absolute_uri(
                reverse("courses_personal_calendar", args=[feed.token])
            ),
        },
        request=request,
    )
