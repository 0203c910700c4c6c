from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.pages import (
    ContributedContextMixin,
    DeclaredChildrenMixin,
    RememberedViewRestrictionsMixin,
)
from core.routing import ContributedRoutesMixin
from courses.choices import CourseFormat, CourseStatus, EnrolmentMode, PersonRole, ProgrammeForm
from courses.forms import CoursePageForm
from courses.responses import vary_on_member


class MemberAwarePageMixin:
    """Pages that show members what visitors do not see (bodies, join links, progress)."""

    def serve(self, request, *args, **kwargs):
        return vary_on_member(request, super().serve(request, *args, **kwargs))


class CourseIndexPage(ContributedContextMixin, Page):
    """/courses/: every published course, filterable by thematic area and status."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("course index")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["filters"].errors:
            response.status_code = 400
        return response


class CoursePage(
    RememberedViewRestrictionsMixin,
    MemberAwarePageMixin,
    ContributedContextMixin,
    DeclaredChildrenMixin,
    ContributedRoutesMixin,
    RoutablePageMixin,
    Page,
):
    """One collaborative or course: its modules and workshops are its children.

    Its context (programme, progress) and its routes (enrol, certificate, calendar…)
    come from the `page_context` and `register_page_routes` hooks: courses registers
    its own in courses/wagtail_hooks.py, features add theirs.
    """

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.WorkshopPage"]
    base_form_class = CoursePageForm

    # Description
    intro = models.TextField(
        _("introduction"), max_length=500, help_text=_("One or two sentences, shown on cards.")
    )
    description = StreamField(BaseStreamBlock(), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo of a workshop or team; at least 1200 pixels wide."),
    )
    # Practicalities
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    format = models.CharField(
        _("format"), max_length=20, choices=CourseFormat.choices, default=CourseFormat.BLENDED
    )
    themes = ParentalManyToManyField(
        "courses.Theme", blank=True, related_name="courses", verbose_name=_("thematic areas")
    )
    enrolment_mode = models.CharField(
        _("enrolment"),
        max_length=20,
        choices=EnrolmentMode.choices,
        default=EnrolmentMode.OPEN,
        help_text=_("Open courses let any signed-in user enrol with one click."),
    )
    # Application period, for courses by application; empty means no limit on that side.
    applications_open_at = models.DateTimeField(_("applications open"), null=True, blank=True)
    applications_close_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    programme_form = models.CharField(
        _("form of the programme"),
        max_length=20,
        choices=ProgrammeForm.choices,
        default=ProgrammeForm.COLLABORATIVE,
        help_text=_("Collaboratives have teams, measures and run charts; communities do not."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("format"),
                FieldPanel("enrolment_mode"),
                FieldPanel("programme_form"),
                FieldRowPanel(
                    [FieldPanel("applications_open_at"), FieldPanel("applications_close_at")],
                    heading=_("Application period (courses by application)"),
                ),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Practicalities"),
        ),
        InlinePanel(
            "phases",
            heading=_("Timeline"),
            label=_("Phase"),
            help_text=_("Dated phases, shown as a timeline; phases must not overlap."),
        ),
        MultipleChooserPanel(
            "people", chooser_field_name="person", heading=_("Facilitators and guest speakers")
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The course cannot end before it starts.")})
        opens, closes = self.applications_open_at, self.applications_close_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"applications_close_at": _("Applications must close after they open.")}
            )

    @property
    def status(self):
        today = timezone.localdate()
        if today < self.start_date:
            return CourseStatus.UPCOMING
        if today > self.end_date:
            return CourseStatus.FINISHED
        return CourseStatus.RUNNING

    @property
    def has_teams(self):
        return self.programme_form == ProgrammeForm.COLLABORATIVE

    @property
    def is_open_for_enrolment(self):
        return self.enrolment_mode == EnrolmentMode.OPEN and self.status != CourseStatus.FINISHED

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar") if self.url else ""


class CoursePerson(Orderable):
    """A facilitator or guest speaker of a course, in the order the page lists them."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        "home.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PersonRole.choices, default=PersonRole.FACILITATOR
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("facilitator or guest speaker")
        constraints = [
            models.UniqueConstraint(fields=["page", "person"], name="unique_course_person")
        ]
