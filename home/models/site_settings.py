from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer text and contact details shown on every page."""

    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_address = models.TextField(_("contact address"), blank=True, max_length=500)

    panels = [FieldPanel("footer_text"), FieldPanel("contact_email"), FieldPanel("contact_address")]

    class Meta:
        verbose_name = _("site settings")
