from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.choices import ApplicationStatus, TeamRole

# Answers are read by reviewers, not essays: long enough for a paragraph or two.
ANSWER_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 2000


class Application(models.Model):
    """An organisation's request to join a course by application, with its core team
    (`team`) and its answers to the readiness criteria."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("course"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_applications",
        verbose_name=_("applicant"),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    practice = models.TextField(
        _("practice or intervention to adopt"), max_length=ANSWER_MAX_LENGTH
    )
    # The readiness criteria
    ready_to_adopt = models.BooleanField(_("ready to adopt the practice"))
    readiness_explanation = models.TextField(
        _("readiness, in a few sentences"), max_length=ANSWER_MAX_LENGTH
    )
    will_submit_metrics = models.BooleanField(
        _("willing to use the core data set and submit metrics")
    )
    can_attend_all_sessions = models.BooleanField(
        _("can send the core team to every learning session")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        db_table = "courses_application"  # kept when the model moved out of courses
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # One live application per organisation and course; a withdrawn one frees
            # the name for a new application.
            models.UniqueConstraint(
                Lower("organisation"),
                "course",
                condition=~models.Q(status=ApplicationStatus.WITHDRAWN),
                name="unique_application_per_organisation",
            ),
            # And one per applicant and course, whatever organisation they name.
            models.UniqueConstraint(
                "applicant",
                "course",
                condition=~models.Q(status=ApplicationStatus.WITHDRAWN),
                name="unique_application_per_applicant",
            ),
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.organisation} – {self.course}"


class CoreTeamMember(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="team", verbose_name=_("application")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices)

    class Meta:
        db_table = "courses_coreteammember"  # kept when the model moved out of courses
        ordering = ["application", "pk"]
        verbose_name = _("core team member")
        verbose_name_plural = _("core team members")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class ApplicationStatusChange(models.Model):
    """The record of each decision (or withdrawal): who, when, from what to what, why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ApplicationStatus.choices)
    message = models.TextField(_("message"), blank=True, max_length=MESSAGE_MAX_LENGTH)

    class Meta:
        db_table = "courses_applicationstatuschange"  # kept when the model moved out of courses
        ordering = ["application", "changed_at", "pk"]
        verbose_name = _("application status change")

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"


class Invitation(models.Model):
    """A sign-up invitation for a core-team member of an accepted application who had no
    account. Its signed link names this row; `used_at` makes it single use."""

    member = models.ForeignKey(CoreTeamMember, on_delete=models.CASCADE, related_name="invitations")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("email"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "courses_invitation"  # kept when the model moved out of courses
        verbose_name = _("invitation")

    def __str__(self):
        return f"{self.email} – {self.course}"
