from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = "Teams"

    def ready(self):
        from django.db.models.signals import post_migrate

        from courses.signals import core_team_accepted, course_invitation_accepted
        from teams import signal_handlers

        core_team_accepted.connect(signal_handlers.create_team, dispatch_uid="teams-create")
        course_invitation_accepted.connect(signal_handlers.join_team, dispatch_uid="teams-join")
        post_migrate.connect(
            signal_handlers.grant_team_permissions, dispatch_uid="teams-permissions"
        )
