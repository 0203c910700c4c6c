"""Who attended each day of a workshop: the facilitators' checklist and the course's
attendance spreadsheet (routes of workshop and course pages). A participant's own
attendance is on their dashboard (attendance.wagtail_hooks).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from attendance.records import (
    attended_days,
    parse_marks,
    participants_of,
    save_attendance,
    workshop_days,
)
from core.csv_files import csv_response
from courses import access
from courses.models import WorkshopPage
from courses.responses import refuse


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
    # Each day's labels formatted once, not once per participant: at 500 participants
    # the date filter in every cell was most of the page's time.
    columns = [
        {
            "value": day.isoformat(),
            "short": date_format(day, "D j M"),
            "long": date_format(day, "j F"),
        }
        for day in days
    ]
    rows = [
        (
            person,
            person.get_full_name(),
            [
                (column, (person.pk, workshop.pk, day) in attended)
                for day, column in zip(days, columns, strict=True)
            ],
        )
        for person in participants
    ]
    context = {"course": course, "workshop": workshop, "columns": columns, "rows": rows}
    return TemplateResponse(request, "attendance/workshop_attendance.html", context)


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
