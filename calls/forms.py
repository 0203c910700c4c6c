from django import forms
from django.utils.translation import gettext_lazy as _

from calls.models import CaseOffer, InformationalCall
from core.forms import RejectsControlCharacters


class CallNotesForm(RejectsControlCharacters, forms.ModelForm):
    """After the call: its recording and the questions and answers (plain text)."""

    recording_url = forms.URLField(label=_("recording"), required=False, assume_scheme="https")

    class Meta:
        model = InformationalCall
        fields = ["recording_url", "questions_and_answers"]
        widgets = {"questions_and_answers": forms.Textarea(attrs={"rows": 8})}


class CaseOfferForm(RejectsControlCharacters, forms.ModelForm):
    no_health_information = forms.BooleanField(
        label=_(
            "I confirm that this case contains no personal health information: no names, "
            "dates of birth, addresses or anything else that identifies a patient."
        ),
        error_messages={
            "required": _("Confirm that the case contains no personal health information.")
        },
    )

    class Meta:
        model = CaseOffer
        fields = ["title", "summary", "no_health_information"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}
