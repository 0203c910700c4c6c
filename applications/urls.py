from django.urls import path

from applications import views

urlpatterns = [
    path("applications/apply/<id:course_id>/", views.apply, name="courses_apply"),
    path("applications/<id:pk>/edit/", views.edit, name="courses_application_edit"),
    path("applications/<id:pk>/withdraw/", views.withdraw, name="courses_application_withdraw"),
    path("applications/invitation/<str:token>/", views.invitation, name="courses_invitation"),
]
