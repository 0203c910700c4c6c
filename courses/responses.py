"""Responses that every app's views below a course give: refusals with a reason,
redirects back, and the headers of pages that differ per member."""

from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.redirects import local_or


def vary_on_member(request, response):
    """Pages that differ per member must never be served to someone else from a cache."""
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


def refuse(request, course, message, status):
    return render(
        request, "courses/refused.html", {"course": course, "message": message}, status=status
    )


def confirm(request, *, title, text, action, cancel_url, danger=True):
    """The confirmation step of an action that is hard to undo: a page with a POST form
    to the same address (no JavaScript needed) and a way back. Never cached: it carries
    a CSRF token."""
    context = {
        "title": title,
        "text": text,
        "action": action,
        "cancel_url": cancel_url,
        "danger": danger,
    }
    response = render(request, "courses/confirm.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


def back(request, default_url):
    return redirect(local_or(request.POST.get("next", ""), default_url))
