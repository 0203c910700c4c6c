from django.urls import path

from announcements import views
from announcements.feeds import AnnouncementsFeed

urlpatterns = [
    path("announcements/feed/", AnnouncementsFeed(), name="announcements_feed"),
    path("announcements/subscribe/", views.subscribe, name="announcements_subscribe"),
    path("announcements/confirm/<str:token>/", views.confirm, name="announcements_confirm"),
    path(
        "announcements/unsubscribe/<str:token>/",
        views.unsubscribe,
        name="announcements_unsubscribe",
    ),
]
