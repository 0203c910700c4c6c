from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.validators import validate_time_zone
from home import permission_cache


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

    email_confirmed = models.BooleanField(
        _("email address confirmed"),
        default=False,
        help_text=_(
            "Set when the person followed the link emailed to this address. Only then do "
            "invitations and accepted core teams recognise them by it."
        ),
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            # Case-insensitive: sign-up, invitations and core teams match addresses so.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="unique_user_email_ci",
                violation_error_message=_("Another account already uses this email address."),
            )
        ]

    # Permissions from the state cache (home/permission_cache.py), not two queries.
    def has_perm(self, perm, obj=None):
        permission_cache.warm(self)
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        permission_cache.warm(self)
        return super().has_module_perms(app_label)

    def get_all_permissions(self, obj=None):
        permission_cache.warm(self)
        return super().get_all_permissions(obj)

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._stored_email = user.__dict__.get("email")
        return user

    def save(self, *args, **kwargs):
        # A confirmation is for one address: changing it (in the admin) needs a new one.
        stored = getattr(self, "_stored_email", None)
        if stored is not None and stored.lower() != self.email.lower():
            self.email_confirmed = False
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "email_confirmed"}
        super().save(*args, **kwargs)
        self._stored_email = self.email

    def get_full_name(self):
        """The public name: display name, else first and last name, else username."""
        return self.display_name or super().get_full_name() or self.get_username()

    def __str__(self):
        return self.get_full_name()
