"""Who attended each day of a workshop: the facilitators' checklist and the course's
attendance spreadsheet. A participant's own attendance is on their dashboard
(courses.evaluation_hooks).
"""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses import access
from courses.certificates import update_completions
from courses.choices import EnrolmentRole
from courses.models import Attendance, WorkshopPage
from courses.results import csv_response
from courses.views import refuse


def workshop_days(workshop):
    """Every date of the workshop, as the clock at the venue reads them."""
    first, last = workshop.local_starts_at.date(), workshop.local_ends_at.date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def hours_per_day(workshop):
    """A one-day session lasts from start to end; a multi-day workshop runs from the
    first day's start time to the last day's end time on each of its days."""
    starts, ends = workshop.local_starts_at, workshop.local_ends_at
    if starts.date() == ends.date():
        return (ends - starts).total_seconds() / 3600
    daily = ends.replace(year=starts.year, month=starts.month, day=starts.day) - starts
    return max(daily.total_seconds() / 3600, 0)


def participants_of(course):
    return access.members(course, EnrolmentRole.PARTICIPANT).order_by("display_name", "username")


def attended_days(workshops, users):
    """{(user id, workshop id, day)} for these users and workshops, in one query."""
    rows = Attendance.objects.filter(workshop__in=workshops, user__in=users)
    return set(rows.values_list("user_id", "workshop_id", "day"))


def parse_marks(values, participants, days):
    """The checked boxes (“<user id>:<YYYY-MM-DD>”) as {(user id, day)}; a box for someone
    or some day not on the list is a forged form, answered with ValueError."""
    allowed_users = {user.pk for user in participants}
    allowed_days = {day.isoformat(): day for day in days}
    marks = set()
    for value in values:
        user_id, _sep, day = value.partition(":")
        if not user_id.isdigit() or int(user_id) not in allowed_users or day not in allowed_days:
            raise ValueError(value)
        marks.add((int(user_id), allowed_days[day]))
    return marks


def save_attendance(course, workshop, participants, marks, recorded_by):
    """Make the stored attendance of these participants equal the marks, and complete
    the course for anyone this finishes. One transaction."""
    with transaction.atomic():
        stored = Attendance.objects.filter(workshop=workshop, user__in=participants)
        existing = set(stored.values_list("user_id", "day"))
        removed = [Q(user_id=user_id, day=day) for user_id, day in existing - marks]
        if removed:
            stored.filter(reduce(or_, removed)).delete()
        Attendance.objects.bulk_create(
            Attendance(user_id=user_id, workshop=workshop, day=day, recorded_by=recorded_by)
            for user_id, day in marks - existing
        )
        update_completions(course, {user_id for user_id, _day in marks - existing})


@require_http_methods(["GET", "HEAD", "POST"])
def workshop_attendance(request, workshop):
    """The facilitators' checklist: every enrolled participant, a box per day."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    workshop = access.original(workshop)  # translations share the original's attendance
    course = workshop.get_course()
    if course is None or not access.can_facilitate(request.user, course):
        message = _("Only the course's facilitators and editors record attendance.")
        return refuse(request, course, message, 403)
    participants = list(participants_of(course))
    days = workshop_days(workshop)
    if request.method == "POST":
        try:
            marks = parse_marks(request.POST.getlist("attended"), participants, days)
        except ValueError:
            message = _("The form named someone or a day that is not on this list.")
            return refuse(request, course, message, 400)
        save_attendance(course, workshop, participants, marks, request.user)
        messages.success(request, _("Attendance is saved."))
        return redirect(request.path)
    attended = attended_days([workshop], participants)
    rows = [
        (person, [(day, (person.pk, workshop.pk, day) in attended) for day in days])
        for person in participants
    ]
    context = {"course": course, "workshop": workshop, "days": days, "rows": rows}
    return TemplateResponse(request, "courses/attendance/workshop_attendance.html", context)


@require_http_methods(["GET", "HEAD"])
def course_attendance_csv(request, course):
    """Attendance of every participant at every day of every workshop of the course."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can_facilitate(request.user, course):
        message = _("Only the course's facilitators and editors see its attendance.")
        return refuse(request, course, message, 403)
    course = access.original(course)
    workshops = list(WorkshopPage.objects.child_of(course).live().order_by("starts_at"))
    participants = list(participants_of(course))
    attended = attended_days(workshops, participants)
    columns = [(w, day) for w in workshops for day in workshop_days(w)]
    header = [_("Participant"), _("Email"), _("Organisation"), _("Country")]
    header += [f"{workshop.title} {day.isoformat()}" for workshop, day in columns]
    rows = [
        [person.get_full_name(), person.email, person.organisation, person.country]
        + [_("yes") if (person.pk, w.pk, day) in attended else "" for w, day in columns]
        for person in participants
    ]
    return csv_response(f"{course.slug}-attendance", header, rows)
