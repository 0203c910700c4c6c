"""The pages of informational calls, routes of a course page: the course's calls,
one call (register, cancel; for facilitators: who registered, attendance, recording and
questions and answers).

Who registered is private: the list and attendance are for the course's facilitators
and editors (`courses.access.can_facilitate`), a person sees only their own place; it
is asked on every request, in every language.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from calls import registration as places
from calls.choices import RegistrationStatus
from calls.forms import CallNotesForm
from calls.models import CallRegistration, InformationalCall
from calls.series_views import course_series
from courses import access
from courses.responses import refuse, vary_on_member


def course_calls(course):
    return InformationalCall.objects.filter(course=access.original(course))


def upcoming_places(user):
    """The user's registrations for calls still to come, soonest first."""
    if not user.is_authenticated:
        return []
    rows = CallRegistration.objects.filter(user=user, call__ends_at__gt=timezone.now())
    return list(rows.select_related("call__course").order_by("call__starts_at"))


def get_call(course, call_id):
    return get_object_or_404(course_calls(course), pk=call_id)


def call_url(course, call):
    return course.url + course.reverse_subpage("call", kwargs={"call_id": call.pk})


@require_http_methods(["GET", "HEAD"])
def call_list(request, course):
    calls = list(course_calls(course))
    series = (
        list(course_series(course)) if access.can_view_members_content(request.user, course) else []
    )
    mine = places.registrations_of(request.user, calls)
    context = {
        "course": course,
        "page": course,
        "calls": [(call, mine.get(call.pk)) for call in calls],
        "series": series,
    }
    return vary_on_member(request, TemplateResponse(request, "calls/call_list.html", context))


@require_http_methods(["GET", "HEAD"])
def call_page(request, course, call_id):
    call = get_call(course, call_id)
    mine = places.registrations_of(request.user, [call]).get(call.pk)
    facilitating = access.can_facilitate(request.user, course)
    context = {
        "course": course,
        "page": course,
        "call": call,
        "mine": mine,
        "facilitating": facilitating,
        "places_left": max(call.capacity - places.places_taken(call), 0),
    }
    if mine and mine.status == RegistrationStatus.WAITING:
        context["position"] = places.waiting_position(mine)
    if facilitating:
        rows = call.registrations.select_related("user").order_by("registered_at", "pk")
        context["registrations"] = list(rows)
        context["notes_form"] = CallNotesForm(instance=call)
    return vary_on_member(request, TemplateResponse(request, "calls/call_page.html", context))


def signed_in(view):
    def wrapper(request, course, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, course, *args, **kwargs)

    return wrapper


@require_POST
@signed_in
def register(request, course, call_id):
    call = get_call(course, call_id)
    try:
        made = places.register(call, request.user)
    except places.Refused as refusal:
        return refuse(request, course, refusal.message, refusal.status)
    if made.status == RegistrationStatus.WAITING:
        messages.warning(
            request,
            _(
                "The call is full: you are on the waiting list. We will email you the join "
                "link if a place frees up."
            ),
        )
    else:
        messages.success(request, _("You have a place. We have emailed you the join link."))
    return redirect(call_url(course, call))


@require_POST
@signed_in
def cancel(request, course, call_id):
    call = get_call(course, call_id)
    if not places.cancel(call, request.user):
        return refuse(request, course, _("You are not registered for this call."), 409)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(call_url(course, call))


def facilitated_call(request, course, call_id):
    """The call, for its course's facilitators and editors; None for anyone else."""
    call = get_call(course, call_id)
    return call if access.can_facilitate(request.user, course) else None


@require_POST
@signed_in
def take_attendance(request, course, call_id):
    call = facilitated_call(request, course, call_id)
    if call is None:
        raise Http404
    values = request.POST.getlist("attended")
    try:
        places.save_attendance(call, [int(value) for value in values])
    except ValueError:
        message = _("The form named someone who has no place on this call.")
        return refuse(request, course, message, 400)
    messages.success(request, _("Attendance is saved."))
    return redirect(call_url(course, call))


@require_POST
@signed_in
def edit_notes(request, course, call_id):
    call = facilitated_call(request, course, call_id)
    if call is None:
        raise Http404
    form = CallNotesForm(request.POST, instance=call)
    if not form.is_valid():
        return refuse(request, course, " ".join(form.errors.get("recording_url", [])), 400)
    form.save()
    messages.success(request, _("The recording and the questions and answers are saved."))
    return redirect(call_url(course, call))
