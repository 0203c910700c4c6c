"""Wagtail hooks of announcements: the private admin listings, the emails sent by
`send_reminders`, the demo."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from announcements import sending
from announcements.choices import Audience
from announcements.listing import index_context
from announcements.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    Delivery,
    OptOut,
    Subscriber,
)
from core.exports import SafeExportSnippetViewSet
from courses import access


class SubscriberViewSet(SafeExportSnippetViewSet):
    model = Subscriber
    icon = "mail"
    list_display = ["email", "language", "subscribed_at"]
    list_filter = ["language"]
    search_fields = ["email"]


class OptOutViewSet(SafeExportSnippetViewSet):
    model = OptOut
    icon = "cross"
    list_display = ["email", "created_at"]
    search_fields = ["email"]


class DeliveryViewSet(SafeExportSnippetViewSet):
    model = Delivery
    icon = "mail"
    list_display = ["announcement", "email", "language", "sent_at", "attempts"]
    list_filter = ["announcement", "language"]
    search_fields = ["email"]


class AnnouncementsGroup(SnippetViewSetGroup):
    items = (SubscriberViewSet, OptOutViewSet, DeliveryViewSet)
    menu_icon = "mail"
    menu_label = _("Announcements")
    menu_name = "announcements"
    menu_order = 320


register_snippet(AnnouncementsGroup)


@hooks.register("page_context")
def announcements_listing(page, request):
    return index_context(request) if isinstance(page, AnnouncementIndexPage) else None


@hooks.register("send_reminders")
def send_announcements(now, result):
    sending.send_announcements(now, result)


@hooks.register("load_demo_content", order=80)
def load_announcements_demo(scale, stdout):
    from announcements import demo

    demo.load(scale, stdout)


@hooks.register("forums_notification_visible")
def announcement_still_for(user, pages):
    """An announcement stays in the notification centre of the people it is for: one to
    a course's members only while they are members (not after they withdrew)."""
    announcements = AnnouncementPage.objects.filter(pk__in=[page.pk for page in pages])
    rows = list(announcements.values_list("pk", "audience", "course__translation_key"))
    if not rows:
        return None
    their_courses = set(access.member_courses(user).values_list("translation_key", flat=True))
    return {
        pk: audience != Audience.COURSE_MEMBERS or course_key in their_courses
        for pk, audience, course_key in rows
    }
