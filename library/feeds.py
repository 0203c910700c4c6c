from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from core.validators import strip_control_characters
from library.models import LibraryPage, ResourcePage

FEED_LENGTH = 30


class NewResourcesFeed(Feed):
    """RSS 2.0 feed of the newest published resources. Text is stripped of control
    characters: XML 1.0 cannot carry them, and one stored NUL would fail the whole feed."""

    title = _("New in the library")
    description = _("Articles, toolkits, guidance and recordings added to the resource library.")

    def link(self):
        library = LibraryPage.objects.live().first()
        return library.url if library else "/"

    def items(self):
        return (
            ResourcePage.objects.live()
            .public()
            .order_by("-first_published_at", "-pk")
            .prefetch_related("tags")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return strip_control_characters(item.title)

    def item_description(self, item):
        return strip_control_characters(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [strip_control_characters(tag.name) for tag in item.tags.all()]
