from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, HomeStreamBlock


class HomePage(Page):
    """The site's front page: what the collaborative is and where to start."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    # Hero
    hero_text = models.CharField(
        _("hero text"),
        max_length=255,
        blank=True,
        help_text=_("One sentence under the title, such as the programme's promise."),
    )
    hero_cta_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero button link"),
    )
    # Body
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        help_text=_("Featured courses, resources and calls to action."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_text"), FieldPanel("hero_cta_text"), FieldPanel("hero_cta_link")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """A plain content page, such as “About” or “Our approach”."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
