"""Completing a course, and the certificate that proves it.

The rule: every live module of the course complete, and every day of every live
workshop marked “attendance required” attended. It is checked when a module is marked
complete and when attendance is saved (courses.models.certificates), never undone: a
completed enrolment keeps its status and its first completion date.
"""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses import access
from courses.choices import EnrolmentRole, EnrolmentStatus, PersonRole
from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    ModuleCompletion,
    ModulePage,
    WorkshopPage,
)
from courses.views import refuse


def complete_if_done(page, user_ids):
    """Check the course that `page` (a module or workshop) belongs to."""
    course = CoursePage.objects.ancestor_of(page).first()
    if course is not None:
        update_completions(course, user_ids)


def update_completions(course, user_ids):
    """Mark complete the active participants among `user_ids` who meet the rule.
    A fixed number of queries, however many users, modules and workshops."""
    from courses.attendance import attended_days, workshop_days

    course = access.original(course)  # enrolments and completions are kept there
    enrolments = Enrolment.objects.filter(
        course=course,
        user_id__in=user_ids,
        role=EnrolmentRole.PARTICIPANT,
        status=EnrolmentStatus.ACTIVE,
    )
    candidates = set(enrolments.values_list("user_id", flat=True))
    if not candidates:
        return
    modules = set(ModulePage.objects.child_of(course).live().values_list("pk", flat=True))
    workshops = list(WorkshopPage.objects.child_of(course).live().filter(required=True))
    if not modules and not workshops:
        return  # nothing to complete: such a course is not a course one completes
    completed = ModuleCompletion.objects.filter(user_id__in=candidates, module_id__in=modules)
    done_modules = {}
    for user_id, module_id in completed.values_list("user_id", "module_id"):
        done_modules.setdefault(user_id, set()).add(module_id)
    attended = attended_days(workshops, candidates)
    needed = [(workshop.pk, day) for workshop in workshops for day in workshop_days(workshop)]
    finished = [
        user_id
        for user_id in candidates
        if done_modules.get(user_id, set()) >= modules
        and all((user_id, workshop_id, day) in attended for workshop_id, day in needed)
    ]
    if finished:
        enrolments.filter(user_id__in=finished).update(
            status=EnrolmentStatus.COMPLETED,
            completed_at=Coalesce("completed_at", timezone.now()),
        )


def certificate_hours(enrolment):
    """Minutes of the completed live modules and hours of the workshop days attended."""
    from courses.attendance import attended_days, hours_per_day

    course, user = enrolment.course, enrolment.user
    minutes = ModuleCompletion.objects.filter(
        user=user, module__in=ModulePage.objects.child_of(course).live()
    ).aggregate(total=Sum("module__estimated_minutes"))["total"]
    workshops = list(WorkshopPage.objects.child_of(course).live())
    by_id = {workshop.pk: workshop for workshop in workshops}
    attended = attended_days(workshops, [user])
    workshop_hours = sum(hours_per_day(by_id[workshop_id]) for _u, workshop_id, _d in attended)
    return round((minutes or 0) / 60 + workshop_hours, 1)


def certificate_context(certificate):
    enrolment = certificate.enrolment
    course = enrolment.course
    people = course.people.filter(role=PersonRole.FACILITATOR).select_related("person")
    return {
        "certificate": certificate,
        "enrolment": enrolment,
        "course": course,
        "participant": enrolment.user,
        "facilitators": [link.person for link in people],
        "hours": certificate_hours(enrolment),
    }


@require_http_methods(["GET", "HEAD"])
def course_certificate(request, course):
    """The signed-in participant's own certificate. Its code is made the first time it
    is opened (for enrolments completed by any route, including by an editor)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    enrolment = access.get_enrolment(request.user, course)
    if enrolment is None or enrolment.status != EnrolmentStatus.COMPLETED:
        message = _("A certificate is given when you have completed the course.")
        return refuse(request, course, message, 403)
    certificate, _created = Certificate.objects.get_or_create(enrolment=enrolment)
    context = certificate_context(certificate)
    context["verify_url"] = request.build_absolute_uri(f"/certificates/{certificate.code}/")
    return TemplateResponse(request, "courses/certificates/certificate.html", context)


@require_http_methods(["GET", "HEAD"])
def verify_certificate(request, code):
    """Anyone with the link can confirm the certificate is genuine; nothing else."""
    certificate = (
        Certificate.objects.filter(code=code, enrolment__status=EnrolmentStatus.COMPLETED)
        .select_related("enrolment__user", "enrolment__course")
        .first()
    )
    if certificate is None:
        raise Http404(_("No certificate has this code."))
    return TemplateResponse(
        request, "courses/certificates/verify.html", certificate_context(certificate)
    )
