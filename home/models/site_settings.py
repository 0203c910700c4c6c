from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.translations import language_field


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """Footer text and contact details shown on every page; the site name, footer text
    and address also in other languages (`SiteSettingsTranslation`)."""

    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_address = models.TextField(_("contact address"), blank=True, max_length=500)

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("contact_address"),
        InlinePanel("translations", heading=_("Site name, footer and address in other languages")),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """Read from the state cache (home/site_cache.py), not the database, once per
        generation of the site's pages and settings."""
        from core.caching import remembered
        from home.site_cache import site_for_request

        name = cls.get_cache_attr_name()
        if not hasattr(request, name):
            site = site_for_request(request)
            found = remembered(f"settings:{site.pk}", lambda: cls.for_site(site))
            found._request = request  # as Wagtail does: page URLs relative to the request
            setattr(request, name, found)
        return getattr(request, name)


def give_site_its_settings(sender, instance, **kwargs):
    """Settings made with the site, not by the first request to read them: that would
    start a new generation (home/page_cache.py) and throw the first cached copies away."""
    SiteSettings.objects.get_or_create(site=instance)


class SiteSettingsTranslation(models.Model):
    """The site's texts in one other language; a blank field shows the English one."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="translations")
    language_code = language_field()
    site_name = models.CharField(_("site name"), max_length=255, blank=True)
    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    contact_address = models.TextField(_("contact address"), blank=True, max_length=500)

    # The fields shown in the reader's language, in the header and footer.
    TEXTS = ["site_name", "footer_text", "contact_address"]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "language_code"], name="home_one_site_text_per_language"
            )
        ]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self):
        return self.language_code
