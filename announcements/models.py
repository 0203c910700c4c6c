"""Announcements: pages below the index at /announcements/, each emailed once to its
audience when published (see audiences.py and sending.py), and the people who asked for
them by email with no account (double opt-in, see subscriptions.py).

Subscribers, opt-outs and deliveries are private: they have no public view, and the
admin listing of deliveries is for editors.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from announcements.choices import Audience
from core.pages import ContributedContextMixin

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class AnnouncementIndexPage(ContributedContextMixin, Page):
    """/announcements/: the newest announcements first, the RSS feed and the form to
    subscribe."""

    subpage_types = ["announcements.AnnouncementPage"]

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("announcement index")

    # Its list and form come from the `page_context` hook in announcements/wagtail_hooks.py.


class AnnouncementPage(Page):
    """One announcement. Publishing the default-language page lists its recipients; each
    gets it once by email, in the language version that matches theirs."""

    parent_page_types = ["announcements.AnnouncementIndexPage"]
    subpage_types = []

    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences, shown in lists.")
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.SUBSCRIBERS
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
        help_text=_(
            "Needed for the members of a course; for team leaders and applicants, "
            "leave empty to write to those of every course."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Publishing sends this announcement by email, once, to each person "
                        "in the audience, in their language. Translate it before you publish "
                        "it: people whose language has no published version get it in "
                        "English."
                    )
                ),
                FieldPanel("audience"),
                FieldPanel("course"),
            ],
            heading=_("Who gets it by email"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("announcement")

    def clean(self):
        super().clean()
        if self.audience == Audience.COURSE_MEMBERS and not self.course_id:
            raise ValidationError({"course": _("Choose the course whose members get it.")})


class Subscriber(models.Model):
    """Someone who confirmed, from the link emailed to them, that they want announcements."""

    email = models.EmailField(_("email"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    subscribed_at = models.DateTimeField(_("subscribed"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_announcement_subscriber"),
        ]

    def __str__(self):
        return self.email


class OptOut(models.Model):
    """An address that unsubscribed: it gets no announcement, whatever the audience."""

    email = models.EmailField(_("email"))
    created_at = models.DateTimeField(_("unsubscribed"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_announcement_opt_out"),
        ]

    def __str__(self):
        return self.email


class Delivery(models.Model):
    """One announcement for one address: its unique constraint makes the email go out
    once, however often the announcement is published or `send_reminders` runs."""

    announcement = models.ForeignKey(
        AnnouncementPage,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("announcement"),
    )
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("listed"), auto_now_add=True)
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("announcement email")
        verbose_name_plural = _("announcement emails")
        constraints = [
            models.UniqueConstraint(
                "announcement", Lower("email"), name="unique_announcement_delivery"
            ),
        ]
        indexes = [models.Index(fields=["sent_at", "claim"])]

    def __str__(self):
        return f"{self.announcement} → {self.email}"
