from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.validators import validate_time_zone


class User(AbstractUser):
    """A participant, facilitator or editor, with what the site needs to address them."""

    display_name = models.CharField(
        _("display name"), max_length=100, blank=True, help_text=_("The name others see.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "Session times are shown in this time zone; if none is chosen, in the venue's."
        ),
    )
    receives_reminders = models.BooleanField(
        _("email me reminders and messages between sessions"),
        default=True,
        help_text=_("“Make it stick” reminders after workshops and notes from facilitators."),
    )

    def get_full_name(self):
        """The public name: display name, else first and last name, else username."""
        return self.display_name or super().get_full_name() or self.get_username()

    def __str__(self):
        return self.get_full_name()
