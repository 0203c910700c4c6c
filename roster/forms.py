from django import forms
from django.utils.translation import gettext_lazy as _

from roster.choices import SpokenLanguage
from roster.models import RosterEntry

MESSAGE_MAX_LENGTH = 2000


class EntryForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_("Show this entry on the public roster"),
        help_text=_(
            "Anyone can read it. Your email address is never shown: people write to you "
            "through a form. You can leave the roster at any time."
        ),
    )

    class Meta:
        model = RosterEntry
        fields = ["name", "organisation", "city", "country"]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("The person replies to this address.")
    )
    message = forms.CharField(
        label=_("Message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )
