from django import template

from forums import notifications

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """The signed-in reader's unread notifications they may still read (0 signed out);
    counted afresh in the notification centre (`request.fresh_unread_count`)."""
    request = context["request"]
    if not request.user.is_authenticated:
        return 0
    return notifications.unread_count(
        request.user, fresh=getattr(request, "fresh_unread_count", False)
    )
