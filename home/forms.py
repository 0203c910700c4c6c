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

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email", "display_name", "organisation", "country"]

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email


class ProfileForm(RejectsControlCharacters, forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

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
