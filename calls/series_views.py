"""The pages of consultation series, routes of a course page: the series' occurrences,
and one occurrence (its attendance for facilitators; case offers: the offer form and
your team's offers for members, the queue with approve and decline for facilitators).

Members of the course only: anyone else signed in gets 404, visitors sign in first;
asked on every request, in every language.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from calls import consultations
from calls.forms import CaseOfferForm
from calls.models import CaseOffer, ConsultationSeries
from calls.recurrence import occurrence_on, occurrences
from courses import access
from courses.responses import refuse, vary_on_member


def course_series(course):
    return ConsultationSeries.objects.filter(course=access.original(course))


def member_series(request, course, series_id):
    """The series, for the course's members; None means: send the visitor to sign in."""
    if not request.user.is_authenticated:
        return None
    if not access.can_view_members_content(request.user, course):
        raise Http404
    return get_object_or_404(course_series(course).prefetch_related("cancellations"), pk=series_id)


def occurrence(series, day):
    """(date, start, end) of the series' occurrence on the ISO date `day`, or 404."""
    try:
        date = datetime.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    found = occurrence_on(series, date)
    if found is None:
        raise Http404
    return (date, *found)


def occurrence_url(course, series, date):
    kwargs = {"series_id": series.pk, "day": date.isoformat()}
    return course.url + course.reverse_subpage("consultation", kwargs=kwargs)


@require_http_methods(["GET", "HEAD"])
def series_page(request, course, series_id):
    series = member_series(request, course, series_id)
    if series is None:
        return redirect_to_login(request.get_full_path())
    context = {
        "course": course,
        "page": course,
        "series": series,
        # Each date as the series' own zone reads it: the reader's zone may shift the day.
        "occurrences": [(start.date(), start, end, off) for start, end, off in occurrences(series)],
        "now": timezone.now(),
    }
    return vary_on_member(request, TemplateResponse(request, "calls/series_page.html", context))


def occurrence_context(request, course, series, date, start, end, form=None):
    facilitating = access.can_facilitate(request.user, course)
    context = {
        "course": course,
        "page": course,
        "series": series,
        "date": date,
        "start": start,
        "end": end,
        "upcoming": start > timezone.now(),
        "facilitating": facilitating,
        "offers": list(consultations.visible_offers(request.user, series, course, date)),
        "form": form or CaseOfferForm(),
    }
    if facilitating:
        attended = consultations.attended_ids(series, date)
        context["rows"] = [
            (person, person.pk in attended) for person in consultations.participants_of(course)
        ]
    return context


@require_http_methods(["GET", "HEAD"])
def occurrence_page(request, course, series_id, day):
    series = member_series(request, course, series_id)
    if series is None:
        return redirect_to_login(request.get_full_path())
    context = occurrence_context(request, course, series, *occurrence(series, day))
    return vary_on_member(request, TemplateResponse(request, "calls/occurrence_page.html", context))


@require_POST
def offer_case(request, course, series_id, day):
    series = member_series(request, course, series_id)
    if series is None:
        return redirect_to_login(request.get_full_path())
    date, start, end = occurrence(series, day)
    if start <= timezone.now():
        return refuse(request, course, _("This call has taken place; offer a later one."), 400)
    form = CaseOfferForm(
        request.POST, instance=CaseOffer(series=series, date=date, user=request.user)
    )
    if not form.is_valid():
        context = occurrence_context(request, course, series, date, start, end, form=form)
        return TemplateResponse(request, "calls/occurrence_page.html", context, status=400)
    try:
        consultations.make_offer(form.instance)
    except consultations.DuplicateOffer:
        message = _("You have already offered a case for this call.")
        return refuse(request, course, message, 409)
    messages.success(request, _("Thank you: the facilitators will approve or decline your offer."))
    return redirect(occurrence_url(course, series, date))


def facilitated_occurrence(request, course, series_id, day):
    series = member_series(request, course, series_id)
    if series is None or not access.can_facilitate(request.user, course):
        raise Http404
    return series, occurrence(series, day)


@require_POST
def take_attendance(request, course, series_id, day):
    series, (date, _start, _end) = facilitated_occurrence(request, course, series_id, day)
    allowed = [person.pk for person in consultations.participants_of(course)]
    try:
        ids = [int(value) for value in request.POST.getlist("attended")]
        consultations.save_attendance(series, date, ids, allowed, request.user)
    except ValueError:
        message = _("The form named someone who is not a participant of this course.")
        return refuse(request, course, message, 400)
    messages.success(request, _("Attendance is saved."))
    return redirect(occurrence_url(course, series, date))


@require_POST
def decide_offer(request, course, series_id, day, offer_id):
    series, (date, _start, _end) = facilitated_occurrence(request, course, series_id, day)
    offer = get_object_or_404(CaseOffer, series=series, date=date, pk=offer_id)
    decision = request.POST.get("decision", "")
    if decision not in consultations.DECISIONS:
        return refuse(request, course, _("Choose to approve or to decline the offer."), 400)
    consultations.decide(offer, decision, request.user)
    messages.success(
        request, _("The offer is %(status)s.") % {"status": offer.get_status_display()}
    )
    return redirect(occurrence_url(course, series, date))
