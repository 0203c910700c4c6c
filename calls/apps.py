from django.apps import AppConfig

EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("informationalcall", "consultationseries")
    for action in ("add", "change", "delete", "view")
]


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = "Calls"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.permissions import group_permissions_granter

        # Editors define calls and consultation series in the admin.
        post_migrate.connect(
            group_permissions_granter("calls", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="calls-permissions",
            weak=False,
        )
