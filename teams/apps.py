from django.apps import AppConfig

EDITOR_PERMISSIONS = ["add_team", "change_team", "delete_team", "view_team"]


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = "Teams"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.permissions import group_permissions_granter
        from courses.signals import core_team_accepted, course_invitation_accepted
        from teams import signal_handlers

        core_team_accepted.connect(signal_handlers.create_team, dispatch_uid="teams-create")
        course_invitation_accepted.connect(signal_handlers.join_team, dispatch_uid="teams-join")
        # Editors manage every team; facilitators theirs (the admin's policy asks
        # courses.access).
        post_migrate.connect(
            group_permissions_granter("teams", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="teams-permissions",
            weak=False,
        )
