from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from library.models import LibraryPage, ResourcePage

FEED_LENGTH = 30


class NewResourcesFeed(Feed):
    """RSS 2.0 feed of the newest published resources."""

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
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
