from django.contrib.auth import views as auth_views
from django.urls import include, path

from home import views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("signup/", views.signup, name="signup"),
    path("password_reset/", views.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("profile/", views.profile, name="profile"),
    path("", include("django.contrib.auth.urls")),
]
