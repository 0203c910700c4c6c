from django.urls import path

from forums.views import notifications

app_name = "notifications"

urlpatterns = [
    path("", notifications.notification_list, name="list"),
    path("read/", notifications.mark_all_read, name="read_all"),
    path("<id:pk>/read/", notifications.mark_read, name="read"),
]
