"""The public roster of trained clinicians: people who hold a certificate and chose to
appear. Nobody is listed without their own entry; deleting it (leaving) removes them at
once; editors can hide an entry. The person's email address is never shown: contact
goes through a form (views.contact)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel

from roster.choices import SpokenLanguage


class RosterEntry(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="roster_entry",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    hidden = models.BooleanField(
        _("hidden by an editor"),
        default=False,
        help_text=_("A hidden entry is not listed and cannot be contacted."),
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        HelpPanel(
            content=_(
                "People write their own entries and may leave at any time. Editors can "
                "only hide an entry."
            )
        ),
        FieldPanel("hidden"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("roster entry")
        verbose_name_plural = _("roster entries")
        indexes = [models.Index(fields=["hidden", "country"])]

    def __str__(self):
        return self.name


class RosterLanguage(models.Model):
    """A language the person works in."""

    entry = models.ForeignKey(
        RosterEntry, on_delete=models.CASCADE, related_name="languages", verbose_name=_("entry")
    )
    language = models.CharField(_("language"), max_length=8, choices=SpokenLanguage.choices)

    class Meta:
        ordering = ["entry", "language"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["entry", "language"], name="unique_roster_language"),
        ]

    def __str__(self):
        return self.get_language_display()
