from django import template

from forums import notifications

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """The signed-in reader's unread notifications they may still read (0 signed out)."""
    user = context["request"].user
    return notifications.unread_count(user) if user.is_authenticated else 0
