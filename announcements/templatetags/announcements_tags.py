from django import template

from announcements.listing import latest
from announcements.models import AnnouncementIndexPage

register = template.Library()


@register.inclusion_tag("announcements/includes/latest_list.html")
def latest_announcements(count=3):
    index = AnnouncementIndexPage.objects.live().first()
    return {"announcements": latest(count), "index": index.localized if index else None}
