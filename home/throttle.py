"""How often one client or one address may ask for account emails, and who the client is.

The counting itself is `core.throttle.allow`, shared with other apps' limits.
Sign-in is throttled by django-axes (settings AXES_*), which asks `client_ip` for the
address. Password-reset and sign-up requests are counted here in fixed windows, per
client address and per email address, in the `state` cache alias (core.caching), which
holds no pages: a counter that visitors could evict by filling the cache would reset
itself.
"""

from django.conf import settings
from django.shortcuts import render

from core.throttle import allow


def client_ip(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost of
    them saw (X-Forwarded-For is read from the right: entries further left are whatever
    the client chose to send)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if proxies and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow_request(request, scope, address, per_ip, per_address):
    """Count a request by its client and, when given, by the email address it names;
    both counts are taken so that one cannot be spent to spare the other."""
    by_ip = allow(f"{scope}:ip", client_ip(request), per_ip)
    by_address = not address or allow(f"{scope}:address", address, per_address)
    return by_ip and by_address


def too_many_requests(request):
    return render(request, "registration/too_many_requests.html", status=429)
