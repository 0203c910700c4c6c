from django.urls import path

from reminders import views

urlpatterns = [
    path("reminders/stop/<str:token>/", views.opt_out, name="courses_reminders_opt_out"),
]
