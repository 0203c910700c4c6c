from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.embeds.finders import get_finders
from wagtail.models import Page
from wagtail.search import index

from core.pages import ContributedContextMixin
from library.choices import ResourceLanguage, ResourceType
from library.models.related import ResourcePageTag


class LibraryPage(ContributedContextMixin, Page):
    """The library's index: search, filters with counts, sorting and pages of results."""

    subpage_types = ["library.ResourcePage"]
    max_count = 1

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("library page")

    # Its `listing` comes from the `page_context` hook in library/wagtail_hooks.py.


class ResourcePage(Page):
    """One item of the library: a document, a link or an embedded recording, with metadata."""

    parent_page_types = ["library.LibraryPage"]
    subpage_types = []

    # Description
    summary = models.TextField(
        _("summary"), max_length=2000, help_text=_("Two or three sentences: what it is, for whom.")
    )
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.ARTICLE
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=ResourceLanguage.choices,
        default=ResourceLanguage.ENGLISH,
        help_text=_("The language the resource is written or recorded in."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        blank=True,
        help_text=_("Filled in from the publication date when you give one."),
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    authors_text = models.CharField(
        _("other authors"),
        max_length=255,
        blank=True,
        help_text=_("Authors who are not in the people list, for example “WHO, UNHCR”."),
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("thumbnail"),
        help_text=_("A cover or first slide; shown small in the library list."),
    )
    # The resource itself: exactly one of these three.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    external_url = models.URLField(_("external link"), max_length=500, blank=True)
    embed_url = models.URLField(
        _("embed URL"),
        max_length=500,
        blank=True,
        help_text=_("A YouTube or Vimeo address, shown as a player on the page."),
    )
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("publication_date")]),
        MultipleChooserPanel(
            "authors", chooser_field_name="person", heading=_("Authors"), label=_("Author")
        ),
        FieldPanel("authors_text"),
        MultiFieldPanel(
            [
                HelpPanel(_("Give exactly one: a document, a link or an embed.")),
                FieldPanel("document"),
                FieldPanel("external_url"),
                FieldPanel("embed_url"),
            ],
            heading=_("The resource"),
        ),
        FieldPanel("thumbnail"),
        FieldPanel("tags"),
        InlinePanel("related_resources", heading=_("Related resources"), label=_("Resource")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("author_names"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        if self.publication_date:
            self.year = self.publication_date.year
        if not self.year:
            raise ValidationError({"year": _("Give the year of publication, or the full date.")})
        given = [bool(self.document_id), bool(self.external_url), bool(self.embed_url)]
        if sum(given) != 1:
            message = _("Give exactly one of a document, an external link or an embed URL.")
            raise ValidationError({"document": message, "external_url": message})
        if self.embed_url and not any(finder.accept(self.embed_url) for finder in get_finders()):
            raise ValidationError(
                {"embed_url": _("This site cannot be embedded: use the external link instead.")}
            )

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # The post_save signal indexes the page before modelcluster writes its tags and
        # authors; index again now they are in the database, so they can be searched.
        if kwargs.get("update_fields") is None:
            index.insert_or_update_object(self)
        return result

    def author_names(self):
        """Linked people, then the free-text authors, as one line for display and search."""
        names = [str(author.person) for author in self.authors.all()]
        if self.authors_text:
            names.append(self.authors_text)
        return ", ".join(names)

    @property
    def external_host(self):
        return urlsplit(self.external_url).hostname or ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = self.get_parent()
        context["related"] = [
            related.resource
            for related in self.related_resources.select_related("resource")
            if related.resource.live
        ]
        return context
