"""Responses that every app's views below a course give: refusals with a reason,
redirects back, and the headers of pages that differ per member."""

from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme


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


def back(request, default_url):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default_url)
