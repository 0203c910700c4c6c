from django import forms
from django.utils.translation import gettext_lazy as _

from calls.models import InformationalCall
from core.forms import RejectsControlCharacters


class CallNotesForm(RejectsControlCharacters, forms.ModelForm):
    """After the call: its recording and the questions and answers (plain text)."""

    recording_url = forms.URLField(label=_("recording"), required=False, assume_scheme="https")

    class Meta:
        model = InformationalCall
        fields = ["recording_url", "questions_and_answers"]
        widgets = {"questions_and_answers": forms.Textarea(attrs={"rows": 8})}
