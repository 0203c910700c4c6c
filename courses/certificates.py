"""The certificate that proves a completed course (see courses.completion), and its
public verification page."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses import access
from courses.choices import EnrolmentStatus, PersonRole
from courses.completion import learning_hours
from courses.models import Certificate
from courses.responses import refuse


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
        "hours": learning_hours(enrolment),
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
    context["verify_url"] = request.build_absolute_uri(
        reverse("courses_verify_certificate", args=[certificate.code])
    )
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
