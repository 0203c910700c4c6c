from django.urls import path

from roster import views

urlpatterns = [
    path("roster/", views.roster_index, name="roster"),
    path("roster/join/", views.join, name="roster_join"),
    path("roster/leave/", views.leave, name="roster_leave"),
    path("roster/<int:pk>/contact/", views.contact, name="roster_contact"),
]
