"""Learner actions on a course (routed by CoursePage) and the personal calendar feed.

Every action is a POST that can be repeated safely: it redirects back with a message,
or answers 4xx with the reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.ids import parse_id
from courses import access
from courses.calendar import calendar_response, contributed_events, phase_events, workshop_events
from courses.models import (
    CalendarFeed,
    ModuleCompletion,
    ModulePage,
    WorkshopPage,
)
from courses.phases import phases_of
from courses.progress import live_children_by_course, member_workshops, progress_for
from courses.responses import back, confirm, refuse, vary_on_member


@require_POST
def enrol(request, course):
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    enrolment = access.get_enrolment(request.user, course)
    if enrolment and enrolment.is_member:
        messages.info(request, _("You are already enrolled in this course."))
        return back(request, course.url)
    if not course.is_open_for_enrolment:
        return refuse(request, course, _("This course is not open for enrolment."), 403)
    access.activate_enrolment(request.user, course)
    messages.success(request, _("You are enrolled. Welcome to the course."))
    return back(request, course.url)


@require_http_methods(["GET", "POST"])
def withdraw(request, course):
    """GET asks to confirm (a member who withdraws loses the members-only modules and the
    course forum), POST withdraws."""
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    if request.method == "GET":
        enrolment = access.get_enrolment(request.user, course)
        if not (enrolment and enrolment.is_member):
            messages.info(request, _("You are not enrolled in this course."))
            return redirect(course.url)
        return confirm(
            request,
            title=_("Withdraw from %(course)s?") % {"course": course.title},
            text=_(
                "You will no longer see the members-only modules, the course forum or the "
                "links to join the sessions. Your progress is kept: if you enrol again, you "
                "continue where you left off."
            ),
            action=_("Withdraw from the course"),
            cancel_url=course.url,
        )
    if access.withdraw(request.user, course):
        messages.success(request, _("You have withdrawn from the course."))
    else:
        messages.info(request, _("You are not enrolled in this course."))
    return back(request, course.url)


def complete_module(request, course):
    return set_module_completed(request, course, completed=True)


def uncomplete_module(request, course):
    return set_module_completed(request, course, completed=False)


@require_POST
def set_module_completed(request, course, completed):
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    module_id = parse_id(request.POST.get("module"))
    if module_id is None:
        return refuse(request, course, _("Say which module, by its number."), 400)
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    # The course's programme in the course's language, untranslated modules in English.
    state = progress_for(request.user, [course])[course.pk].state_for(module)
    if state is None:
        return refuse(request, course, _("That module belongs to another course."), 400)
    if not access.tracks_progress(request.user, course):
        return refuse(request, course, _("Enrol in the course to track your progress."), 403)
    if not completed:
        ModuleCompletion.objects.filter(
            user=request.user, module__translation_key=module.translation_key
        ).delete()
        messages.info(request, _("“%(module)s” is marked not done.") % {"module": module.title})
        return back(request, module.url)
    if state.locked:
        first = ", ".join(blocker.title for blocker in state.blockers)
        message = _("Complete %(modules)s first.") % {"modules": first}
        return refuse(request, course, message, 403)
    ModuleCompletion.objects.get_or_create(user=request.user, module=access.original(module))
    messages.success(request, _("“%(module)s” is complete.") % {"module": module.title})
    return back(request, module.url)


@require_GET
def course_calendar(request, course):
    with_join_links = access.can_view_members_content(request.user, course)
    # The course's workshops in any language: a translated course has the same sessions.
    workshops = [
        workshop for _path, workshop in live_children_by_course([course], WorkshopPage)[course.pk]
    ]
    events = [
        event
        for workshop in sorted(workshops, key=lambda workshop: workshop.starts_at)
        for event in workshop_events(workshop, course, request, with_join_links)
    ]
    events += phase_events(course, phases_of([course])[course.pk])
    events += contributed_events("course_calendar_events", course, request)
    response = calendar_response(course.title, events, f"{course.slug}.ics")
    return vary_on_member(request, response)


@require_GET
def personal_calendar(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404
    events = [
        event
        for workshop, course in member_workshops(feed.user)
        for event in workshop_events(workshop, course, request, with_join_link=True)
    ]
    events += contributed_events("personal_calendar_events", feed.user, request)
    response = calendar_response(_("My sessions"), events, "my-sessions.ics")
    patch_cache_control(response, private=True)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def reset_calendar_feed(request):
    """A new secret address, for when the old one was shared by mistake: GET asks to
    confirm, since every calendar subscribed to the old address stops updating."""
    if request.method == "GET":
        return confirm(
            request,
            title=_("Make a new calendar address?"),
            text=_(
                "The old address stops working at once: every calendar program subscribed "
                "to it stops showing your sessions until you subscribe to the new one."
            ),
            action=_("Make a new address"),
            cancel_url=reverse("dashboard"),
        )
    with transaction.atomic():
        CalendarFeed.objects.filter(user=request.user).delete()
        CalendarFeed.objects.create(user=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("dashboard")
