from django.urls import path

from courses import application_views, reminder_views

urlpatterns = [
    path("applications/apply/<int:course_id>/", application_views.apply, name="courses_apply"),
    path("applications/<int:pk>/edit/", application_views.edit, name="courses_application_edit"),
    path(
        "applications/<int:pk>/withdraw/",
        application_views.withdraw,
        name="courses_application_withdraw",
    ),
    path(
        "applications/invitation/<str:token>/",
        application_views.invitation,
        name="courses_invitation",
    ),
    path("reminders/stop/<str:token>/", reminder_views.opt_out, name="courses_reminders_opt_out"),
]
