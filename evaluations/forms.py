"""The evaluation questionnaire: Wagtail's form builder plus two scales, and the question
every respondent answers first (do they answer as a participant or a facilitator).

Scale answers are cleaned to integers, so the stored JSON holds 4, not "4", and a value
outside the scale (6, "abc") is an invalid choice: the form shows the error and nothing
is stored.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from core.forms import ScaleWidget
from courses.choices import EnrolmentRole

AGREEMENT = "agreement"
RECOMMEND = "recommend"
SCALE_TYPES = (AGREEMENT, RECOMMEND)
CHOICE_TYPES = ("radio", "dropdown", "checkbox", "checkboxes", "multiselect")

EVALUATION_FIELD_CHOICES = [
    *FORM_FIELD_CHOICES,
    (AGREEMENT, _("Agreement scale (1 strongly disagree – 5 strongly agree)")),
    (RECOMMEND, _("How likely to recommend (0–10)")),
]

AGREEMENT_CHOICES = [
    (1, _("1 Strongly disagree")),
    (2, _("2 Disagree")),
    (3, _("3 Neither agree nor disagree")),
    (4, _("4 Agree")),
    (5, _("5 Strongly agree")),
]

RECOMMEND_CHOICES = [
    (0, _("0 Not at all likely")),
    *((value, str(value)) for value in range(1, 10)),
    (10, _("10 Extremely likely")),
]

# The form field that carries the respondent's role; it is stored on the answer row,
# not in form_data.
ROLE_FIELD = "respondent_role"


class EvaluationForm(BaseForm):
    """Wagtail's base form plus the role question. `member_role` is the role the person
    actually has in the course: participants cannot answer as facilitators."""

    def __init__(self, *args, member_role=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.member_role = member_role
        if member_role and ROLE_FIELD not in self.initial:
            self.initial[ROLE_FIELD] = member_role

    def clean_respondent_role(self):
        role = self.cleaned_data[ROLE_FIELD]
        if role == EnrolmentRole.FACILITATOR and self.member_role != EnrolmentRole.FACILITATOR:
            raise forms.ValidationError(
                _("Only the course's facilitators can answer as a facilitator.")
            )
        return role


class EvaluationFormBuilder(FormBuilder):
    def create_agreement_field(self, field, options):
        return self._scale(options, AGREEMENT_CHOICES)

    def create_recommend_field(self, field, options):
        return self._scale(options, RECOMMEND_CHOICES)

    @staticmethod
    def _scale(options, choices):
        options["initial"] = None  # an editor's default would bias the answers
        return forms.TypedChoiceField(
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=ScaleWidget,
            **options,
        )

    @property
    def formfields(self):
        role = forms.ChoiceField(
            label=_("I answer as"),
            choices=EnrolmentRole.choices,
            widget=forms.RadioSelect,
        )
        return {ROLE_FIELD: role, **super().formfields}

    def get_form_class(self):
        return type("EvaluationQuestionnaire", (EvaluationForm,), self.formfields)
