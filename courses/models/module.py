from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.caching import remembered
from core.pages import ContributedContextMixin
from core.routing import ReservedSlugsMixin
from courses.blocks import ModuleStreamBlock
from courses.choices import ModuleAccess
from courses.forms import ModulePageForm
from courses.models.pages import CoursePage, MemberAwarePageMixin


class CourseChildMixin(MemberAwarePageMixin, ContributedContextMixin, ReservedSlugsMixin):
    """Pages that live below a course (modules, workshops, evaluations)."""

    def get_course(self):
        """The course above, remembered until something is published (several sections
        of a page ask)."""
        find = lambda: CoursePage.objects.parent_of(self).first()  # noqa: E731
        return remembered(f"course-of:{self.pk}", find) if self.pk else find()


class ModulePage(CourseChildMixin, Page):
    """A self-directed online module between workshops; each builds on earlier ones."""

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    base_form_class = ModulePageForm

    # What the module is about, shown to everyone
    summary = models.TextField(_("summary"), max_length=600)
    learning_objectives = models.TextField(
        _("learning objectives"),
        blank=True,
        max_length=2000,
        help_text=_("One objective per line, such as “Name three task-sharing roles”."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), null=True, blank=True
    )
    # The learning itself
    body = StreamField(ModuleStreamBlock(), blank=True)
    # Who may read it, and when
    access = models.CharField(
        _("access"),
        max_length=20,
        choices=ModuleAccess.choices,
        default=ModuleAccess.MEMBERS,
        help_text=_("Everyone sees the summary; this decides who sees the body."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("complete first"),
        help_text=_("Modules of this course a participant must complete before this one."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("access", widget=forms.RadioSelect),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Access and prerequisites"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.SearchField("searchable_body"),
    ]

    class Meta:
        verbose_name = _("module")

    @property
    def objectives(self):
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]

    @property
    def is_members_only(self):
        return self.access == ModuleAccess.MEMBERS

    def searchable_body(self):
        """Index the body of open modules only, so search never reveals private text."""
        if self.is_members_only:
            return ""
        return " ".join(self._meta.get_field("body").get_searchable_content(self.body))
