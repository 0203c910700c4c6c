from django.apps import AppConfig

# Editors hide entries; the people themselves write them.
EDITOR_PERMISSIONS = ["view_rosterentry", "change_rosterentry"]


class RosterConfig(AppConfig):
    name = "roster"
    verbose_name = "Roster"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.permissions import group_permissions_granter

        post_migrate.connect(
            group_permissions_granter("roster", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="roster-permissions",
            weak=False,
        )
