import zoneinfo
from datetime import datetime, timedelta

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, DocumentBlock
from core.pages import ContributedContextMixin, DeclaredChildrenMixin
from core.routing import ContributedRoutesMixin, ReservedSlugsMixin
from core.validators import validate_time_zone
from courses.blocks import ActionItemsStreamBlock, AgendaStreamBlock, LibraryResourcesStreamBlock
from courses.choices import WorkshopFormat
from courses.forms import WorkshopPageForm
from courses.models.module import CourseChildMixin

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class WorkshopPage(
    CourseChildMixin, DeclaredChildrenMixin, ContributedRoutesMixin, RoutablePageMixin, Page
):
    """A live session of a course: a multi-day workshop or an online meeting."""

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.FollowUpPage"]
    base_form_class = WorkshopPageForm

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    format = models.CharField(
        _("format"), max_length=20, choices=WorkshopFormat.choices, default=WorkshopFormat.IN_PERSON
    )
    # When; the form reads and writes both times in `time_zone`
    starts_at = models.DateTimeField(_("starts"), help_text=_("Local time at the venue."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Local time at the venue."))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    # Where
    venue = models.TextField(
        _("venue"), blank=True, max_length=500, help_text=_("Name and address, for in-person days.")
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("The video call link; only enrolled participants see it."),
    )
    # Preparation and programme
    prework = ParentalManyToManyField(
        "courses.ModulePage",
        blank=True,
        related_name="prework_for",
        verbose_name=_("pre-work"),
        help_text=_("Modules to complete before the workshop."),
    )
    agenda = StreamField(AgendaStreamBlock(), blank=True)
    required = models.BooleanField(
        _("attendance required for completion"),
        default=True,
        help_text=_("Participants complete the course only if they attend every day of it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
                FieldPanel("venue"),
                FieldPanel("join_url"),
                FieldPanel("required"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("prework", widget=forms.CheckboxSelectMultiple),
        FieldPanel("agenda"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("venue"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = _("workshop")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_over(self):
        return bool(self.ends_at) and self.ends_at < timezone.now()

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.zone)

    def day_sessions(self):
        """[(start, end)] of each day at the venue: a multi-day workshop runs from the
        first day's start time to the last day's end time on each of its days."""
        starts, ends = self.local_starts_at, self.local_ends_at
        first, last = starts.date(), ends.date()
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        if len(days) == 1:
            return [(starts, ends)]
        return [
            (
                datetime.combine(day, starts.time(), tzinfo=self.zone),
                datetime.combine(day, ends.time(), tzinfo=self.zone),
            )
            for day in days
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)  # course, show_join_link
        # prework is an in-memory FakeQuerySet in previews: filter it in Python.
        context["prework_modules"] = sorted(
            (module for module in self.prework.all() if module.live), key=lambda m: m.path
        )
        follow_up = FollowUpPage.objects.child_of(self).live() if self.pk else None
        context["follow_up"] = follow_up.first() if follow_up is not None else None
        return context


class FollowUpPage(ContributedContextMixin, ReservedSlugsMixin, Page):
    """What a workshop leaves behind: recording, slides, take-aways, actions, reminders."""

    parent_page_types = ["courses.WorkshopPage"]
    subpage_types = []
    max_count_per_parent = 1

    recording_url = models.URLField(
        _("recording"), blank=True, help_text=_("A YouTube or Vimeo link to the recording.")
    )
    materials = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        verbose_name=_("slides and handouts"),
    )
    key_takeaways = RichTextField(_("key take-aways"), blank=True, features=RICH_TEXT_FEATURES)
    look_back_ahead = RichTextField(
        _("look back, look ahead"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the workshop achieved and what comes before the next session."),
    )
    action_items = StreamField(ActionItemsStreamBlock(), blank=True)
    resources = StreamField(
        LibraryResourcesStreamBlock(), blank=True, verbose_name=_("related library resources")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("recording_url"),
        FieldPanel("materials"),
        FieldPanel("key_takeaways"),
        FieldPanel("look_back_ahead"),
        FieldPanel("action_items"),
        FieldPanel("resources"),
        InlinePanel("reminders", heading=_("“Make it stick” reminders"), label=_("Reminder")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("key_takeaways"),
        index.SearchField("look_back_ahead"),
    ]

    class Meta:
        verbose_name = _("workshop follow-up")

    def get_workshop(self):
        return WorkshopPage.objects.parent_of(self).first()


class FollowUpReminder(Orderable):
    """A “make it stick” email to participants some days after the workshop ends.

    Stored here; sending belongs to the reminders feature, which can key its sent-log on
    this row's id.
    """

    page = ParentalKey(FollowUpPage, on_delete=models.CASCADE, related_name="reminders")
    days_after = models.PositiveSmallIntegerField(
        _("days after the workshop"), help_text=_("Counted from the day the workshop ends.")
    )
    subject = models.CharField(_("subject"), max_length=150)
    message = models.TextField(_("message"), max_length=3000)
    include_facilitators = models.BooleanField(_("also send to facilitators"), default=False)

    panels = [
        FieldPanel("days_after"),
        FieldPanel("subject"),
        FieldPanel("message"),
        FieldPanel("include_facilitators"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("reminder")

    def due_at(self, workshop):
        """When to send: `days_after` days after `workshop` (this page's parent) ends."""
        return workshop.ends_at + timedelta(days=self.days_after)
