"""Forms list their fields: a participant who adds `pinned`, `locked`, `hidden` or
another topic's id to a request has them ignored (no mass assignment)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.forms import RejectsControlCharacters
from forums import mentions
from forums.choices import Delivery, EmailTiming
from forums.models.polls import MAX_OPTIONS, MIN_OPTIONS
from forums.rendering import is_blank

BODY_MAX = 20_000
TITLE_MAX = 200

FORMATTING_HELP = _(
    "Markdown: **bold**, *italic*, [a link](https://example.org), a line starting with "
    "> quotes, - or 1. make lists, `code`. Images and HTML are not shown."
)


def reject_invisible(value):
    if is_blank(value):
        raise forms.ValidationError(_("Write something: this is empty."), code="blank")
    return value


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Message"),
            max_length=BODY_MAX,
            widget=forms.Textarea(attrs={"rows": 10}),
            help_text=FORMATTING_HELP,
            **kwargs,
        )

    def clean(self, value):
        return reject_invisible(super().clean(value))


class MentionsChecked:
    """A form mixin: every @name in the body must be someone's; `mentioned` holds them."""

    mentioned = ()

    def clean_body(self):
        body = self.cleaned_data["body"]
        self.mentioned, unknown = mentions.resolve(body)
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "No one is called %(names)s. Check the name in “People you can mention”.",
                    "No one is called %(names)s. Check the names in “People you can mention”.",
                    len(unknown),
                )
                % {"names": ", ".join(f"@{name}" for name in unknown)},
                code="unknown_mention",
            )
        if len(self.mentioned) > mentions.MAX_MENTIONS:
            raise forms.ValidationError(
                _("Mention at most %(count)d people in one post.")
                % {"count": mentions.MAX_MENTIONS},
                code="too_many_mentions",
            )
        return body


class PostForm(RejectsControlCharacters, MentionsChecked, forms.Form):
    body = BodyField()


class PollFields(forms.Form):
    """A poll's question and options: optional on a new topic, required when a poll is
    added to a topic later (PollForm)."""

    poll_question = forms.CharField(
        label=_("Poll question (optional)"), max_length=200, required=False
    )
    poll_options = forms.CharField(
        label=_("Poll options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option a line, from 2 to 20."),
    )
    poll_multiple = forms.BooleanField(label=_("People may choose several options"), required=False)
    poll_anonymous = forms.BooleanField(
        label=_("Anonymous votes"),
        required=False,
        help_text=_("No one, not even moderators, can see who chose what. Votes are final."),
    )
    poll_closes = forms.DateTimeField(
        label=_("Poll closes (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean(self):
        data = super().clean()
        options = [line.strip() for line in data.get("poll_options", "").splitlines()]
        options = list(dict.fromkeys(line for line in options if line))
        data["poll_options"] = options
        if not data.get("poll_question"):
            if options:
                self.add_error("poll_question", _("Give the poll a question."))
            return data
        if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            self.add_error(
                "poll_options",
                _("A poll needs from %(min)d to %(max)d different options; this has %(count)d.")
                % {"min": MIN_OPTIONS, "max": MAX_OPTIONS, "count": len(options)},
            )
        if any(len(option) > 200 for option in options):
            self.add_error("poll_options", _("Keep each option under 200 characters."))
        closes = data.get("poll_closes")
        if closes and closes <= timezone.now():
            self.add_error("poll_closes", _("Choose a closing time in the future."))
        return data


class PollForm(RejectsControlCharacters, PollFields):
    """A poll added to a topic that has none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["poll_question"].required = True
        self.fields["poll_question"].label = _("Poll question")


class TopicForm(RejectsControlCharacters, MentionsChecked, PollFields):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = BodyField()
    is_question = forms.BooleanField(
        label=_("This is a question"),
        required=False,
        help_text=_("You, or a facilitator, can then mark the reply that answers it."),
    )
    field_order = ["title", "body", "is_question"]

    def clean_title(self):
        return reject_invisible(self.cleaned_data["title"])


class ReportForm(RejectsControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at this post?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_reason(self):
        return reject_invisible(self.cleaned_data["reason"])


class HideForm(RejectsControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Why is this post hidden?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Its author sees this reason, on the post and in their notification."),
    )

    def clean_reason(self):
        return reject_invisible(self.cleaned_data["reason"])


class MoveForm(forms.Form):
    forum = forms.ModelChoiceField(label=_("Move to forum"), queryset=None, to_field_name="slug")

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        # Only forums the moderator may moderate; any other slug is an invalid choice.
        self.fields["forum"].queryset = forums


def timing_field(label):
    # Not required: a form sent without one keeps that choice as it was.
    return forms.ChoiceField(
        label=label, choices=EmailTiming.choices, widget=forms.RadioSelect, required=False
    )


class PreferenceForm(forms.Form):
    delivery = forms.ChoiceField(
        label=_("Email me about new posts in topics and forums I follow"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
    )
    mention_email = timing_field(_("Email me when someone mentions me"))
    reaction_email = timing_field(_("Email me about reactions to my posts"))
    answer_email = timing_field(_("Email me when my reply is marked as the answer"))
    moderation_email = timing_field(_("Email me about moderation decisions on my posts"))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, strip=True)
