import zoneinfo

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from core.forms import RejectsControlCharacters
from home.models import User

TIME_ZONE_CHOICES = [(tz, tz) for tz in sorted(zoneinfo.available_timezones())]


class SignUpForm(RejectsControlCharacters, UserCreationForm):
    """Self-service registration for participants."""

    email = forms.EmailField(label=_("Email"), max_length=254)
    # Filled from the browser by js/sign-up-time-zone.js; see clean_time_zone.
    time_zone = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email", "display_name", "organisation", "country", "time_zone"]

    def clean_time_zone(self):
        """The browser's zone, or none chosen if it is not one we know: a wrong guess must
        not stop anyone from signing up."""
        zone = self.cleaned_data["time_zone"]
        return zone if zone in zoneinfo.available_timezones() else ""

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email


class ProfileForm(RejectsControlCharacters, forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[("", _("Not chosen: show each session in its venue's time")), *TIME_ZONE_CHOICES],
        required=False,
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "organisation",
            "country",
            "preferred_language",
            "time_zone",
            "receives_reminders",
        ]
