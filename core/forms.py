"""What every form that takes text from people shares."""

from django import forms

from core.validators import reject_control_characters, reject_line_control_characters


class RejectsControlCharacters:
    """A form mixin: every text field refuses control characters (issue 13, finding 11),
    a textarea allowing tab and line breaks. Listed first among the bases, so fields
    added later (a subclass's, a model form's) are covered too. Passwords are left as
    they are: they are hashed, never shown, and a refusal would lock people out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField):
                continue
            if isinstance(field.widget, forms.PasswordInput):
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            field.validators.append(
                reject_control_characters if multiline else reject_line_control_characters
            )


class ScaleWidget(forms.RadioSelect):
    """A rating scale as a segmented control of large tap targets: still one real radio
    button per point (keyboard arrows, screen readers, no JavaScript), in the fieldset
    and legend Django gives a radio group. Each choice's label is "<number> <words>"
    ("0 Not at all likely") or the number alone; a long scale (0–10) shows only numbers
    in its cells, with the words of its two ends written beneath, while every button
    keeps its full label for screen readers."""

    template_name = "core/widgets/scale.html"
    option_template_name = "core/widgets/scale_option.html"
    LONG = 7  # more points than this and the words leave the cells

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "scale__input", **(attrs or {})}, choices)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        number = str(value)
        words = str(label)
        option["number"] = number
        option["words"] = words.removeprefix(number).strip() if words.startswith(number) else words
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [option for _, group, _ in context["widget"]["optgroups"] for option in group]
        context["widget"]["points"] = len(options)
        if len(options) > self.LONG:
            context["widget"]["ends"] = (options[0], options[-1])
        return context
