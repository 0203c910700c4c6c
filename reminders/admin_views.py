"""Admin listings of session messages and of how reminders went out."""

from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.viewsets import ScopedViewSet
from courses.models import FollowUpPage, FollowUpReminder
from courses.permissions import course_pages
from reminders.choices import DeliveryStatus
from reminders.models import SessionMessage
from reminders.sending import with_delivery_counts


def count_column(status):
    return Column(f"{status}_count", label=DeliveryStatus(status).label)


COUNT_COLUMNS = [count_column(status) for status in DeliveryStatus]


class SessionMessageViewSet(ScopedViewSet):
    model = SessionMessage
    icon = "mail"
    menu_label = gettext_lazy("Session messages")
    add_to_admin_menu = False
    list_display = ["subject", "course", "send_at", *COUNT_COLUMNS]
    list_filter = ["course"]
    search_fields = ["subject", "body"]
    ordering = ["-send_at"]

    def get_queryset(self, request):
        edited = course_pages.instances_user_has_permission_for(request.user, "change")
        scheduled = SessionMessage.objects.filter(course__in=edited).select_related("course")
        return with_delivery_counts(scheduled)


class ReminderDeliveriesViewSet(ScopedViewSet):
    """How each follow-up page's reminders went out: read-only counts."""

    model = FollowUpReminder
    name = "reminder_deliveries"
    icon = "mail"
    menu_label = gettext_lazy("Reminders sent")
    add_to_admin_menu = False
    list_display = [
        "subject",
        Column("page", label=gettext_lazy("Follow-up page"), accessor="page.title"),
        "days_after",
        *COUNT_COLUMNS,
    ]
    search_fields = ["subject", "page__title"]
    ordering = ["page__path", "sort_order"]

    def get_queryset(self, request):
        pages = PagePermissionPolicy(FollowUpPage).instances_user_has_permission_for(
            request.user, "change"
        )
        reminders = FollowUpReminder.objects.filter(page__in=pages).select_related("page")
        return with_delivery_counts(reminders)


class RemindersAdminGroup(ViewSetGroup):
    menu_label = gettext_lazy("Reminders")
    menu_icon = "mail"
    menu_order = 270
    items = (SessionMessageViewSet, ReminderDeliveriesViewSet)
