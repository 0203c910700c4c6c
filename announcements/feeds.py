from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from announcements.listing import latest
from announcements.models import AnnouncementIndexPage
from core.validators import strip_control_characters

FEED_LENGTH = 30


class AnnouncementsFeed(Feed):
    """RSS 2.0 feed of the newest announcements, in the language of the URL prefix. Text is
    stripped of control characters, which XML 1.0 cannot carry."""

    title = _("Announcements")
    description = _("News of the collaboratives: timelines, calls for applications, sessions.")

    def link(self):
        index = AnnouncementIndexPage.objects.live().first()
        return index.localized.url if index else "/"

    def items(self):
        return latest(FEED_LENGTH)

    def item_title(self, item):
        return strip_control_characters(item.title)

    def item_description(self, item):
        return strip_control_characters(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at
