"""Following topics and forums, the email preference, and signed unsubscribe links."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from forums.choices import Delivery
from forums.emails import read_unsubscribe_token
from forums.forms import PreferenceForm
from forums.models import DeliveryPreference, Subscription
from forums.views.common import forum_view, topic_view


def toggle(request, target, **lookup):
    if request.POST.get("subscribe") == "1":
        Subscription.objects.get_or_create(user=request.user, **lookup)
        messages.success(request, _("You will get emails about new posts here."))
    else:
        Subscription.objects.filter(user=request.user, **lookup).delete()
        messages.success(request, _("You will no longer get emails about this."))
    return redirect(target.get_absolute_url())


@require_POST
@login_required
@topic_view
def subscribe_topic(request, topic, rights):
    return toggle(request, topic, topic=topic)


@require_POST
@login_required
@forum_view
def subscribe_forum(request, forum, rights):
    return toggle(request, forum, forum=forum)


def save_preferences(user, **choices):
    """Save the email choices; a new digest reader's first digest starts now, not with
    the forum's history."""
    preference, _created = DeliveryPreference.objects.get_or_create(user=user)
    changed = [name for name, value in choices.items() if getattr(preference, name) != value]
    if not changed:
        return
    was_digest = uses_digest(preference)
    for name in changed:
        setattr(preference, name, choices[name])
    if uses_digest(preference) and not was_digest:
        preference.last_digest_at = timezone.now()
        changed.append("last_digest_at")
    preference.save(update_fields=changed)


def uses_digest(preference):
    fields = ["delivery", *DeliveryPreference.EMAIL_FIELDS.values()]
    return any(getattr(preference, name) == Delivery.DIGEST for name in fields)


def stop_all_email(user):
    fields = ["delivery", *DeliveryPreference.EMAIL_FIELDS.values()]
    save_preferences(user, **dict.fromkeys(fields, Delivery.NONE))


@login_required
def preferences(request):
    current = DeliveryPreference.of(request.user)
    fields = PreferenceForm.base_fields
    initial = {name: getattr(current, name) for name in fields}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        chosen = {name: value for name, value in form.cleaned_data.items() if value}
        save_preferences(request.user, **chosen)
        messages.success(request, _("Your forum email preference has been saved."))
        return redirect("forums:preferences")
    status = 400 if form.errors else 200
    return render(request, "forums/preferences.html", {"form": form}, status=status)


@csrf_exempt  # the signed token is the credential; mail clients POST without a session
def unsubscribe(request, token):
    """GET confirms (link scanners must not unsubscribe anyone); POST unsubscribes, from
    the page's button or a mail client's RFC 8058 one-click request."""
    payload = read_unsubscribe_token(token)
    user = payload and get_user_model().objects.filter(pk=payload.get("u")).first()
    if not user:
        raise Http404
    if request.method == "POST":
        if "t" in payload:
            Subscription.objects.filter(user=user, topic_id=payload["t"]).delete()
        elif "f" in payload:
            Subscription.objects.filter(user=user, forum_id=payload["f"]).delete()
        else:
            stop_all_email(user)
        return render(request, "forums/unsubscribe.html", {"done": True})
    return render(request, "forums/unsubscribe.html", {"done": False})
