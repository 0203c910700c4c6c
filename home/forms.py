import uuid
import zoneinfo

from django import forms
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.forms import RejectsControlCharacters
from core.mail import send_all
from home.models import User

TIME_ZONE_CHOICES = [(tz, tz) for tz in sorted(zoneinfo.available_timezones())]


class SignUpForm(RejectsControlCharacters, UserCreationForm):
    """Self-service registration for participants. The address is not checked against
    existing accounts here (`home.accounts.register` handles a known one without saying
    so); with `invited_email` it is fixed to the address the invitation proved."""

    email = forms.EmailField(label=_("Email"), max_length=254)
    # Filled from the browser by js/sign-up-time-zone.js; see clean_time_zone.
    time_zone = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    class Meta(UserCreationForm.Meta):
        model = User
        # `email` is the form's own field, left out of the model's checks: its unique
        # constraint would tell a visitor that the address has an account.
        fields = ["username", "display_name", "organisation", "country", "time_zone"]

    def clean_time_zone(self):
        """The browser's zone, or none chosen if it is not one we know: a wrong guess must
        not stop anyone from signing up."""
        zone = self.cleaned_data["time_zone"]
        return zone if zone in zoneinfo.available_timezones() else ""

    field_order = ["username", "email", "display_name", "organisation", "country"]

    def __init__(self, *args, invited_email=None, **kwargs):
        super().__init__(*args, **kwargs)
        if invited_email:
            self.fields["email"].initial = invited_email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("The address your invitation was sent to.")


class PendingAccountsPasswordResetForm(PasswordResetForm):
    """Django's reset form, also for accounts that signed up and never confirmed: the
    reset link proves the address, so its owner can take back an address that someone
    else signed up with first."""

    def get_users(self, email):
        pending = User.objects.filter(
            email__iexact=email, is_active=False, email_confirmed=False, last_login=None
        )
        return [*super().get_users(email), *(u for u in pending if u.has_usable_password())]

    def send_mail(
        self,
        subject_template,
        body_template,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Through the outbox (core/outbox.py), as every email of the site. Each request
        is its own item: identical links asked for twice in one second are two emails."""
        subject = "".join(render_to_string(subject_template, context).splitlines())
        body = render_to_string(body_template, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name:
            html = render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        send_all([message], key=f"accounts.password_reset:{uuid.uuid4().hex}")


class ProfileForm(RejectsControlCharacters, forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[("", _("Not chosen: show each session in its venue's time")), *TIME_ZONE_CHOICES],
        required=False,
    )

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
