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
