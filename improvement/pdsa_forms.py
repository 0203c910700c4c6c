"""The forms of the PDSA log: a cycle (with an optional attached document), a comment,
and the facilitators' filter. A cycle's measures are the course's, the cycle it follows
one of the same team's; anything else is an invalid choice, and nothing is saved."""

import os

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from improvement.models import Measure
from improvement.pdsa_choices import CycleStatus
from improvement.pdsa_models import PdsaComment, PdsaCycle


class DateInput(forms.DateInput):
    input_type = "date"


class CycleForm(forms.ModelForm):
    attachment = forms.FileField(
        label=_("Attach a document"),
        required=False,
        validators=[FileExtensionValidator(settings.WAGTAILDOCS_EXTENSIONS)],
        help_text=_("A data sheet, a protocol or slides: PDF, Word, Excel, PowerPoint or text."),
    )

    class Meta:
        model = PdsaCycle
        fields = [
            "change_idea", "objective", "measures", "follows",
            "plan_who", "plan_what", "plan_when", "plan_where", "prediction",
            "do_notes", "study_notes", "decision", "act_notes",
            "start_date", "end_date", "status",
        ]  # fmt: skip
        widgets = {
            "measures": forms.CheckboxSelectMultiple,
            "start_date": DateInput,
            "end_date": DateInput,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in (
                    "objective",
                    "plan_who",
                    "plan_what",
                    "plan_when",
                    "plan_where",
                    "prediction",
                    "do_notes",
                    "study_notes",
                    "act_notes",
                )
            },  # fmt: skip
        }

    def __init__(self, *args, team, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.team = team
        self.fields["measures"].queryset = Measure.objects.filter(course=course)
        earlier = PdsaCycle.objects.filter(team=team)
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["follows"].queryset = earlier.order_by("-start_date", "-pk")
        self.fields["follows"].empty_label = _("None: the first cycle of a ramp")
        self.fields["decision"].choices = [
            ("", _("Not decided yet")),
            *self.fields["decision"].choices[1:],
        ]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            limit = filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
            raise forms.ValidationError(
                _("This file is too big: at most %(size)s.") % {"size": limit}
            )
        return upload

    @transaction.atomic
    def save_cycle(self, user):
        """The cycle, its measures and its new document, all or nothing."""
        cycle = self.save(commit=False)
        if not cycle.pk:
            cycle.created_by = user
        cycle.save()
        self.save_m2m()
        upload = self.cleaned_data.get("attachment")
        if upload:
            title = os.path.basename(upload.name)
            document = get_document_model().objects.create(
                title=title, file=upload, uploaded_by_user=user
            )
            cycle.documents.add(document)
        return cycle


class CommentForm(forms.ModelForm):
    class Meta:
        model = PdsaComment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class CycleFilter(forms.Form):
    """The facilitators' list: every team's cycles, by measure and status."""

    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none(), required=False,
        empty_label=_("All measures"),
    )  # fmt: skip
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *CycleStatus.choices], required=False
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(course=course)

    def filter(self, cycles):
        if self.cleaned_data.get("measure"):
            cycles = cycles.filter(measures=self.cleaned_data["measure"])
        if self.cleaned_data.get("status"):
            cycles = cycles.filter(status=self.cleaned_data["status"])
        return cycles


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what you would like to learn from them, and how to reach you."),
    )
