"""The application form, its core-team rows and the reviewer's decision form.

The team is a plain formset of a fixed number of rows, so the form works without
JavaScript: empty rows are ignored, half-filled ones are errors.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from applications.choices import ApplicationStatus, TeamRole
from applications.models import MESSAGE_MAX_LENGTH, Application
from applications.review import DECISIONS, organisation_taken
from core.forms import RejectsControlCharacters

TEAM_ROWS = 6  # rows shown for a new application
MAX_TEAM = 12

# What the applicant answers, in the order the form asks and reviewers read it.
ANSWER_FIELDS = [
    "organisation",
    "country",
    "practice",
    "ready_to_adopt",
    "readiness_explanation",
    "will_submit_metrics",
    "can_attend_all_sessions",
]

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class ApplicationForm(RejectsControlCharacters, forms.ModelForm):
    ready_to_adopt = yes_no(_("Is your organisation ready to adopt the practice?"))
    will_submit_metrics = yes_no(
        _("Will you use the core data set and submit the collaborative's metrics?")
    )
    can_attend_all_sessions = yes_no(
        _("Can you send the core team to every learning session?"),
        _("Two or three workshops and the quarterly online meetings."),
    )

    class Meta:
        model = Application
        fields = ANSWER_FIELDS
        widgets = {
            "practice": forms.Textarea(attrs={"rows": 4}),
            "readiness_explanation": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "practice": _("For example: the Friendship Bench, Problem Management Plus."),
            "readiness_explanation": _(
                "What is in place (leadership support, staff time, supervision) and what is not."
            ),
        }

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        if self.instance.pk:  # the stored booleans as the radio buttons' values
            for name in ("ready_to_adopt", "will_submit_metrics", "can_attend_all_sessions"):
                self.initial[name] = "yes" if getattr(self.instance, name) else "no"

    def clean_organisation(self):
        organisation = " ".join(self.cleaned_data["organisation"].split())
        if organisation_taken(self.course, organisation, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                _("%(organisation)s has already applied to this course."),
                params={"organisation": organisation},
                code="duplicate",
            )
        return organisation

    def clean_country(self):
        return " ".join(self.cleaned_data["country"].split())


class TeamMemberForm(RejectsControlCharacters, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", "—"), *TeamRole.choices], required=False
    )

    def clean(self):
        data = super().clean()
        filled = [name for name in self.fields if data.get(name)]
        if filled and not self.errors:
            for name in self.fields:
                if not data.get(name):
                    self.add_error(name, _("Fill in the name, email and role, or none of them."))
        return data

    @property
    def member(self):
        """The row as model fields, or None for an empty row."""
        data = getattr(self, "cleaned_data", {})
        if not all(data.get(name) for name in self.fields):
            return None
        return {"name": data["name"].strip(), "email": data["email"], "role": data["role"]}


class BaseTeamFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        members = self.members()
        emails = [member["email"].lower() for member in members]
        if len(set(emails)) < len(emails):
            raise forms.ValidationError(_("Each team member needs their own email address."))
        missing = [role.label for role in TeamRole if role not in {m["role"] for m in members}]
        if missing:
            raise forms.ValidationError(
                _(
                    "The core team needs at least one senior leader, one supervisor and one "
                    "clinician. Missing: %(roles)s."
                ),
                params={"roles": ", ".join(str(label) for label in missing)},
            )

    def members(self):
        return [form.member for form in self.forms if form.member]


def team_formset(data=None, members=()):
    """The team rows: the current members, then empty rows up to TEAM_ROWS (at least one)."""
    initial = [
        {"name": member.name, "email": member.email, "role": member.role} for member in members
    ]
    formset_class = formset_factory(
        TeamMemberForm,
        formset=BaseTeamFormSet,
        extra=max(1, TEAM_ROWS - len(initial)),
        max_num=MAX_TEAM,
        absolute_max=MAX_TEAM,
        validate_max=True,
    )
    # Every row is validated, even one left as it was shown: rows that only repeat the
    # current team would otherwise count as untouched extra rows and be dropped.
    return formset_class(
        data, initial=initial or None, prefix="team", form_kwargs={"empty_permitted": False}
    )


class DecisionForm(RejectsControlCharacters, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the applicant (optional)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with the decision and kept with it."),
    )

    def __init__(self, *args, allowed=DECISIONS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (status, ApplicationStatus(status).label) for status in allowed
        ]
