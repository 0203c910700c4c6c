"""Teams of a learning collaborative: an organisation's core team in one course.

A team belongs to the course's original (default-language) page, like enrolments, so a
course and its translations share their teams. A member is a user, or, until the
invited person signs up, the email address their invitation went to.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from teams.choices import MemberRole, TeamStatus
from teams.forms import TeamAdminForm


class Team(ClusterableModel):
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="teams",
        verbose_name=_("course"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    setting = models.CharField(
        _("setting"), max_length=200, blank=True, help_text=_("e.g. clinic, district service")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TeamStatus.choices, default=TeamStatus.ACTIVE
    )
    named_to_peers = models.BooleanField(
        _("show our name to the other teams"),
        default=True,
        help_text=_("Otherwise other teams see this team as “a team”; facilitators see names."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    base_form_class = TeamAdminForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("course"),
                FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("setting"), FieldPanel("status")]),
                FieldPanel("named_to_peers"),
            ],
            heading=_("Team"),
        ),
        InlinePanel("members", heading=_("Members"), label=_("member")),
    ]

    class Meta:
        ordering = ["course", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="unique_team_slug"),
        ]

    def __str__(self):
        return self.name


class TeamMember(models.Model):
    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="team_memberships",
        verbose_name=_("user"),
        help_text=_("Empty until an invited person signs up with the email below."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_senior_leader = models.BooleanField(MemberRole.SENIOR_LEADER.label, default=False)
    is_supervisor = models.BooleanField(MemberRole.SUPERVISOR.label, default=False)
    is_clinician = models.BooleanField(MemberRole.CLINICIAN.label, default=False)
    is_data_contact = models.BooleanField(MemberRole.DATA_CONTACT.label, default=False)

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel(
            [
                FieldPanel("is_senior_leader"),
                FieldPanel("is_supervisor"),
                FieldPanel("is_clinician"),
                FieldPanel("is_data_contact"),
            ]
        ),
    ]

    class Meta:
        ordering = ["team", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_team_user"),
            models.UniqueConstraint(
                "team",
                Lower("email"),
                condition=models.Q(user__isnull=True),
                name="unique_team_invited_email",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="team_member_user_or_email",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return self.name or self.email

    @property
    def roles(self):
        """The member's roles, as `MemberRole`s, in the order of the choices."""
        return [role for role in MemberRole if getattr(self, f"is_{role.value}")]
