"""The roster's views, below no page (roster/urls.py): the list, joining and leaving,
and the contact form, which emails the person and never shows their address."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.mail import absolute, build_email, in_language, send_all
from core.throttle import allow_request
from roster.forms import ContactForm, EntryForm
from roster.listing import held_certificates, listed_entries, roster_page
from roster.models import RosterEntry, RosterLanguage

# Per client, and per person written to: a few messages, never a flood.
CONTACT_PER_IP = (5, 3600)
CONTACT_PER_PERSON = (10, 24 * 3600)


def message(request, title, text, status=200):
    return render(request, "roster/message.html", {"title": title, "text": text}, status=status)


def roster_index(request):
    filters, page = roster_page(request)
    entry = getattr(request.user, "roster_entry", None) if request.user.is_authenticated else None
    context = {"filters": filters, "page_obj": page, "own_entry": entry}
    return render(request, "roster/roster_index.html", context, status=200 if page else 400)


def save_entry(form, user):
    with transaction.atomic():
        entry = form.save(commit=False)
        entry.user = user
        entry.save()
        entry.languages.all().delete()
        RosterLanguage.objects.bulk_create(
            RosterLanguage(entry=entry, language=code) for code in form.cleaned_data["languages"]
        )


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    user = request.user
    if not held_certificates().filter(enrolment__user=user).exists():
        text = _("The roster lists people who completed a course and hold its certificate.")
        return message(request, _("Not yet"), text, status=403)
    entry = RosterEntry.objects.filter(user=user).first()
    initial = {
        "name": user.get_full_name(),
        "organisation": user.organisation,
        "country": user.country,
    }
    if entry:
        initial = {"languages": list(entry.languages.values_list("language", flat=True))}
    form = EntryForm(request.POST or None, instance=entry, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            save_entry(form, user)
            text = _("Your entry is on the roster. You can change it or leave at any time.")
            return message(request, _("You are on the roster"), text)
        return render(request, "roster/join.html", {"form": form, "entry": entry}, status=400)
    return render(request, "roster/join.html", {"form": form, "entry": entry})


@login_required
@require_POST
def leave(request):
    RosterEntry.objects.filter(user=request.user).delete()
    return message(request, _("You left the roster"), _("Your entry is no longer listed."))


def contact_email(entry, form):
    with in_language(entry.user):
        subject = _("%(name)s wrote to you through the roster") % {
            "name": form.cleaned_data["name"]
        }
        context = {**form.cleaned_data, "entry": entry, "roster_url": absolute(reverse("roster"))}
        email = build_email(entry.user.email, subject, "roster/email/contact", context)
    email.reply_to = [form.cleaned_data["email"]]
    return email


@require_http_methods(["GET", "POST"])
def contact(request, pk):
    entry = get_object_or_404(listed_entries().select_related("user"), pk=pk)
    form = ContactForm(request.POST or None)
    context = {"form": form, "entry": entry}
    if request.method == "GET":
        return render(request, "roster/contact.html", context)
    if not form.is_valid():
        return render(request, "roster/contact.html", context, status=400)
    if not allow_request(
        request, "roster-contact", f"entry-{entry.pk}", CONTACT_PER_IP, CONTACT_PER_PERSON
    ):
        text = _("Too many messages. Please wait an hour and try again.")
        return message(request, _("Please wait"), text, status=429)
    send_all([contact_email(entry, form)])
    text = _("%(name)s will reply to you by email if they can.") % {"name": entry.name}
    return message(request, _("Message sent"), text)
