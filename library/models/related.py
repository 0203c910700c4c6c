"""Rows that hang off a ResourcePage: its tags, authors and related resources."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# Authors link to the site's people snippet without `library` importing the app that owns
# it: the model is named by a setting, a lazy "app_label.Model" reference.
PERSON_MODEL = settings.LIBRARY_PERSON_MODEL


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "library.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceAuthor(Orderable):
    page = ParentalKey("library.ResourcePage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        PERSON_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class RelatedResource(Orderable):
    page = ParentalKey(
        "library.ResourcePage", on_delete=models.CASCADE, related_name="related_resources"
    )
    resource = models.ForeignKey(
        "library.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("resource"),
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
