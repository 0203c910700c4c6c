from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "Applications"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from applications.invitations import accept_pending_invitation

        user_logged_in.connect(
            accept_pending_invitation, dispatch_uid="courses_accept_pending_invitation"
        )
