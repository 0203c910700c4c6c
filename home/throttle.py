"""The page a throttled account request gets (the counting is core.throttle)."""

from django.shortcuts import render


def too_many_requests(request):
    return render(request, "registration/too_many_requests.html", status=429)
