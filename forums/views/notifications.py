"""The notification centre: the reader's notifications, newest first, only about topics
and pages (announcements) they may still read (asked again here, see
forums/notifications.py), marked read one by one or all at once."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from forums import notifications
from forums.models import Notification
from forums.views.reading import page_links, page_number

PER_PAGE = 30


@login_required
def notification_list(request):
    request.fresh_unread_count = True  # the header's count agrees with this list
    rows = notifications.readable(request.user).order_by("-created", "-pk")
    pages = Paginator(rows, PER_PAGE)
    page = pages.page(page_number(request, pages.num_pages))
    context = {
        "notifications": notifications.shown(page.object_list, request),
        "page": page,
        "page_links": page_links(page.number, pages.num_pages),
    }
    return render(request, "forums/notification_list.html", context)


@require_POST
@login_required
def mark_read(request, pk):
    get_object_or_404(Notification, pk=pk, user=request.user)  # only one's own
    notifications.mark_read(request.user, pk)
    return redirect("notifications:list")


@require_POST
@login_required
def mark_all_read(request):
    notifications.mark_read(request.user)
    return redirect("notifications:list")
