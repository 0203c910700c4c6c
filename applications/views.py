"""Applying to a course, editing and withdrawing an application, and following an
invitation link. Refusals answer 4xx with the reason and store nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from applications import invitations
from applications import review as applications
from applications.choices import ApplicationStatus
from applications.forms import ApplicationForm, team_formset
from applications.models import Application
from courses import access
from courses.models import CoursePage
from courses.responses import refuse


def application_form(request, course, application, saved_message):
    """Show, validate and save the form for a new (unsaved) or existing application."""
    members = application.team.all() if application.pk else ()
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, instance=application, course=course)
    team = team_formset(data, members)
    status = 200
    if data is not None:
        status = 400
        if form.is_valid() & team.is_valid():  # `&`: validate both, show every error
            try:
                applications.save_application(form.save(commit=False), team.members())
            except applications.DuplicateApplication:
                if not application.pk and applications.live_application(request.user, course):
                    message = _("You have already applied to this course: see your dashboard.")
                    return refuse(request, course, message, 409)
                form.add_error("organisation", _("This organisation has already applied."))
                status = 409
            else:
                messages.success(request, saved_message)
                return redirect("dashboard")
    context = {"course": course, "form": form, "team": team, "application": application}
    return render(request, "applications/application_form.html", context, status=status)


@login_required
def apply(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    window = applications.application_window(course)
    if not window.open:
        return refuse(request, course, window.message, 403)
    existing = applications.live_application(request.user, course)
    if existing:
        messages.info(request, _("You have already applied to this course: here it is."))
        return redirect("courses_application_edit", pk=existing.pk)
    # Stored against the course itself, as enrolments are: review, completion and
    # reminders find the course's applicants there, whatever language they applied in.
    # Pre-filled with what the applicant gave at sign-up.
    user = request.user
    application = Application(
        course=access.original(course),
        applicant=user,
        organisation=user.organisation,
        country=user.country,
    )
    saved = _("Your application is submitted. We will email you the decision.")
    return application_form(request, course, application, saved)


def own_application(request, pk):
    return get_object_or_404(
        Application.objects.select_related("course"), pk=pk, applicant=request.user
    )


@login_required
def edit(request, pk):
    application = own_application(request, pk)
    if application.status not in applications.OPEN_STATUSES:
        message = _("This application is %(status)s and can no longer be changed.") % {
            "status": application.get_status_display().lower()
        }
        return refuse(request, application.course, message, 403)
    window = applications.application_window(application.course)
    if not window.open:
        return refuse(request, application.course, window.message, 403)
    saved = _("Your application is updated.")
    return application_form(request, application.course, application, saved)


@login_required
@require_POST
def withdraw(request, pk):
    application = own_application(request, pk)
    if not applications.can_withdraw(application):
        message = _("This application is %(status)s and can no longer be withdrawn.") % {
            "status": application.get_status_display().lower()
        }
        return refuse(request, application.course, message, 409)
    try:
        applications.decide(application, ApplicationStatus.WITHDRAWN, by=request.user)
    except applications.StatusConflict:
        message = _("This application was decided meanwhile; reload your dashboard.")
        return refuse(request, application.course, message, 409)
    messages.success(request, _("Your application is withdrawn."))
    return redirect("dashboard")


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """GET shows the invitation (and, signed in, a button to accept it); POST accepts
    it for the signed-in person it names."""
    try:
        invite = invitations.read_token(token)
        if request.user.is_authenticated:
            invitations.check_recipient(invite, request.user)
        if request.method == "POST":
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            invitations.accept(invite, request.user)
    except invitations.Refused as refusal:
        return refuse(request, None, refusal.message, refusal.status)
    if request.method == "POST":
        messages.success(request, invitations.welcome(invite))
        return redirect(invite.course.url)
    return render(request, "applications/invitation.html", {"invitation": invite, "token": token})
