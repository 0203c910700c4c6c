from django.urls import path

from library.feeds import NewResourcesFeed

urlpatterns = [
    path("library/feed/", NewResourcesFeed(), name="library_feed"),
]
