"""The courses panel of the learner's /dashboard/ (the `dashboard_panels` hook)."""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse

from core.caching import remembered
from courses import access
from courses.models import CalendarFeed, ModuleCompletion
from courses.progress import member_workshops, next_session, progress_for

RECENTLY_COMPLETED = 5


def calendar_scope(user_id):
    return f"calendar-feed:{user_id}"


def calendar_token(user):
    """The secret of the user's calendar address, remembered until their feed changes
    (a new address: `courses.apps` bumps the scope on every save and delete of a feed)."""

    def build():
        return CalendarFeed.objects.get_or_create(user=user)[0].token

    return remembered(f"calendar-token:{user.pk}", build, scopes=[calendar_scope(user.pk)])


def courses_panel(request):
    user = request.user
    courses = access.member_course_list(user)
    if not courses:
        return render_to_string("courses/dashboard_first_steps.html", request=request)
    prefetch_related_objects(courses, "hero_image__renditions")
    # Every completion of the user's, newest first, serves both the progress bars and
    # the recently completed: one query.
    completions = list(
        ModuleCompletion.objects.filter(user=user, module__live=True)
        .select_related("module__locale")
        .order_by("-completed_at")
    )
    completed = {completion.module.translation_key for completion in completions}
    progress = progress_for(user, courses, completed=completed)
    workshops = member_workshops(user)
    upcoming = next_session([workshop for workshop, _course in workshops])
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
            "recently_completed": completions[:RECENTLY_COMPLETED],
            "calendar_url": request.build_absolute_uri(
                reverse("courses_personal_calendar", args=[calendar_token(user)])
            ),
        },
        request=request,
    )
