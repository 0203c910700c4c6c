"""Subscribe, confirm and unsubscribe: views below no page (announcements/urls.py).

Links in emails open a page with a button: mail scanners that follow links must not
confirm or unsubscribe anyone. The unsubscribe POST also takes mail clients' one-click
request (RFC 8058), which carries no CSRF token.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from announcements import subscriptions
from announcements.forms import SubscribeForm
from core.throttle import allow_request

# Per client and per address: enough to fix a typo, too few to flood an inbox.
PER_IP = (10, 3600)
PER_ADDRESS = (3, 3600)


def message(request, title, text, status=200, **context):
    context = {"title": title, "text": text, **context}
    return render(request, "announcements/message.html", context, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "GET":
        return render(request, "announcements/subscribe.html", {"form": form})
    if not form.is_valid():
        return render(request, "announcements/subscribe.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    if not allow_request(request, "announcements-subscribe", email, PER_IP, PER_ADDRESS):
        text = _("Too many requests. Please wait an hour and try again.")
        return message(request, _("Please wait"), text, status=429)
    subscriptions.ask_to_confirm(email)
    text = _(
        "If this address is not yet subscribed, it will get a link to confirm. The link "
        "works for three days."
    )
    return message(request, _("Check your inbox"), text)


def read_link(request, read, token):
    """The link's payload, or the page that says what is wrong with it."""
    try:
        return read(token), None
    except subscriptions.LinkExpired:
        text = _("This confirmation link has expired. Please subscribe again.")
        return None, message(request, _("Link expired"), text, status=400, subscribe=True)
    except subscriptions.LinkInvalid:
        text = _("This link is not valid. Copy the whole link from the email.")
        return None, message(request, _("Link not valid"), text, status=400, subscribe=True)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    payload, error = read_link(request, subscriptions.read_confirm_token, token)
    if error:
        return error
    if request.method == "GET":
        context = {"email": payload["email"]}
        return render(request, "announcements/confirm.html", context)
    language = payload.get("language") or get_language() or settings.LANGUAGE_CODE
    if not subscriptions.subscribe(payload["email"], language):
        text = _("This address is subscribed already.")
        return message(request, _("Already subscribed"), text, status=409)
    text = _("You will get our announcements by email. Each one has a link to unsubscribe.")
    return message(request, _("Subscribed"), text)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    email, error = read_link(request, subscriptions.read_unsubscribe_token, token)
    if error:
        return error
    if request.method == "GET":
        return render(request, "announcements/unsubscribe.html", {"email": email})
    subscriptions.unsubscribe(email)
    text = _("You will get no more announcements by email.")
    return message(request, _("Unsubscribed"), text)
