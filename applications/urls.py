from django.urls import path

from applications import views

urlpatterns = [
    path("applications/apply/<int:course_id>/", views.apply, name="courses_apply"),
    path("applications/<int:pk>/edit/", views.edit, name="courses_application_edit"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="courses_application_withdraw"),
    path("applications/invitation/<str:token>/", views.invitation, name="courses_invitation"),
]
