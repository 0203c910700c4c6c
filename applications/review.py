"""Applications to courses “by application”: the application period, saving an
application with its core team, withdrawing, reviewers' decisions, and enrolling the
core team when an application is accepted.

Every multi-row change runs in one transaction; the emails it causes go out after it
commits, and a failed email never undoes the change.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from applications.choices import ApplicationStatus
from applications.invitations import invitation_url
from applications.models import Application, ApplicationStatusChange, CoreTeamMember, Invitation
from core.mail import absolute, build_email, page_link, send_all
from courses.access import activate_enrolment
from courses.choices import CourseStatus, EnrolmentMode
from courses.signals import core_team_accepted

# Reviewers decide these; applicants may edit and withdraw them.
OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED)
DECISIONS = (ApplicationStatus.ACCEPTED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED)


class DuplicateApplication(Exception):
    """Another live application from the same organisation, or the same applicant, to
    the same course (the database's unique constraints decide when two submit at once)."""


class StatusConflict(Exception):
    """The application's status changed since the page was shown."""


@dataclass(frozen=True)
class Window:
    open: bool
    message: str = ""


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def application_window(course, now=None):
    """Whether `course` takes applications at `now`, and if not, why, for the applicant."""
    now = now or timezone.now()
    if course.enrolment_mode != EnrolmentMode.APPLICATION:
        return Window(False, _("This course does not take applications."))
    if course.status == CourseStatus.FINISHED:
        return Window(False, _("This course has finished; it takes no more applications."))
    opens, closes = course.applications_open_at, course.applications_close_at
    if opens and now < opens:
        return Window(False, _("Applications open on %(when)s.") % {"when": when(opens)})
    if closes and now >= closes:
        return Window(False, _("Applications closed on %(when)s.") % {"when": when(closes)})
    return Window(True)


def live_application(user, course):
    """The user's application to the course (or to its translation) that is not
    withdrawn, or None."""
    return (
        Application.objects.filter(applicant=user, course__translation_key=course.translation_key)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .first()
    )


def organisation_taken(course, organisation, exclude_pk=None):
    return (
        Application.objects.filter(
            course__translation_key=course.translation_key, organisation__iexact=organisation
        )
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .exclude(pk=exclude_pk)
        .exists()
    )


def save_application(application, members):
    """Save the application and replace its core team with `members` (dicts of name,
    email and role) in one transaction."""
    try:
        with transaction.atomic():
            application.save()
            application.team.all().delete()
            CoreTeamMember.objects.bulk_create(
                CoreTeamMember(application=application, **member) for member in members
            )
    except IntegrityError as error:  # the unique constraint, when two submit at once
        raise DuplicateApplication from error
    return application


def can_edit(application, now=None):
    return application.status in OPEN_STATUSES and application_window(application.course, now).open


def can_withdraw(application):
    return application.status in OPEN_STATUSES


def allowed_decisions(application):
    if application.status not in OPEN_STATUSES:
        return ()
    return tuple(status for status in DECISIONS if status != application.status)


@dataclass
class TeamOutcome:
    enrolled: list = field(default_factory=list)  # [(member, user)]
    invited: list = field(default_factory=list)  # [invitation]


def accounts_by_email(emails):
    """{lower-cased email: active user} for the accounts that have confirmed these
    addresses. An unconfirmed account is not trusted with its address (anyone could
    have signed up with it first): its owner gets an invitation like someone without
    an account, and accepts it once they confirm."""
    if not emails:
        return {}
    matches = reduce(or_, (Q(email__iexact=email) for email in emails))
    users = get_user_model().objects.filter(matches, is_active=True, email_confirmed=True)
    users = users.order_by("-pk")
    return {user.email.lower(): user for user in users}  # the oldest account wins


def enrol_team(application):
    """Enrol the members who have an account; invite the others; announce the core team
    (`core_team_accepted`: teams makes it a team). Call in a transaction."""
    members = list(application.team.all())
    accounts = accounts_by_email([member.email for member in members])
    outcome = TeamOutcome()
    for member in members:
        user = accounts.get(member.email.lower())
        if user:
            activate_enrolment(user, application.course)
            outcome.enrolled.append((member, user))
        else:
            outcome.invited.append(
                Invitation.objects.create(
                    member=member, course=application.course, email=member.email
                )
            )
    core_team_accepted.send(
        sender=Application,
        course=application.course,
        organisation=application.organisation,
        country=application.country,
        members=[(accounts.get(m.email.lower()), m.name, m.email, m.role) for m in members],
    )
    return outcome


def change_status(application, to_status, by, message=""):
    """Move the application to `to_status`, record who did it and why, and on acceptance
    enrol the core team, all in one transaction. Raises StatusConflict when someone else
    changed it first. Sends nothing: see `notify`."""
    with transaction.atomic():
        moved = Application.objects.filter(pk=application.pk, status=application.status).update(
            status=to_status, updated_at=timezone.now()
        )
        if not moved:
            raise StatusConflict
        change = ApplicationStatusChange.objects.create(
            application=application,
            changed_by=by,
            from_status=application.status,
            to_status=to_status,
            message=message,
        )
        application.status = to_status
        accepted = to_status == ApplicationStatus.ACCEPTED
        outcome = enrol_team(application) if accepted else TeamOutcome()
    return change, outcome


def status_email(change):
    application = change.application
    applicant = application.applicant
    with translation.override(applicant.preferred_language):
        subject = _("Your application to %(course)s: %(status)s") % {
            "course": application.course.title,
            "status": ApplicationStatus(change.to_status).label,
        }
        return build_email(
            applicant.email,
            subject,
            "applications/email/status_changed",
            {
                "recipient": applicant,
                "application": application,
                "change": change,
                "course_url": page_link(application.course),
                "dashboard_url": absolute(reverse("dashboard")),
            },
        )


def enrolled_email(application, member, user):
    with translation.override(user.preferred_language):
        subject = _("You have joined %(course)s") % {"course": application.course.title}
        return build_email(
            user.email,
            subject,
            "applications/email/team_enrolled",
            {
                "recipient": user,
                "member": member,
                "application": application,
                "course_url": page_link(application.course),
            },
        )


def invitation_email(application, invitation):
    # The invited person has no account, hence no language of their own: the team's
    # applicant most likely shares it.
    with translation.override(application.applicant.preferred_language):
        subject = _("Join %(course)s with %(organisation)s") % {
            "course": application.course.title,
            "organisation": application.organisation,
        }
        return build_email(
            invitation.email,
            subject,
            "applications/email/invitation",
            {
                "member": invitation.member,
                "application": application,
                "invitation_url": invitation_url(invitation),
                "course_url": page_link(application.course),
            },
        )


def notify(change, outcome):
    """Queue the applicant's email about the change and, on acceptance, each core-team
    member's (the outbox sends each once, after commit)."""
    application = change.application
    if application.applicant.email:
        send_all([status_email(change)], key=f"applications.change:{change.pk}")
    for member, user in outcome.enrolled:
        send_all(
            [enrolled_email(application, member, user)], key=f"applications.member:{member.pk}"
        )
    for invitation in outcome.invited:
        send_all(
            [invitation_email(application, invitation)],
            key=f"applications.invitation:{invitation.pk}",
        )


def decide(application, to_status, by, message=""):
    change, outcome = change_status(application, to_status, by, message)
    notify(change, outcome)
