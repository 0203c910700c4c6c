from django.apps import AppConfig

EDITOR_PERMISSIONS = [f"{action}_preworkitem" for action in ("add", "change", "delete", "view")]


class PreworkConfig(AppConfig):
    """Pre-work: what accepted teams (collaboratives) or participants (communities) do
    before the first learning session, each item due some days after acceptance."""

    name = "prework"
    verbose_name = "Pre-work"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.permissions import group_permissions_granter

        post_migrate.connect(
            group_permissions_granter("prework", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="prework-permissions",
            weak=False,
        )
