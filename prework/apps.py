from django.apps import AppConfig

EDITOR_PERMISSIONS = [f"{action}_preworkitem" for action in ("add", "change", "delete", "view")]


class PreworkConfig(AppConfig):
    """Pre-work: what accepted teams (collaboratives) or participants (communities) do
    before the first learning session, each item due some days after acceptance."""

    name = "prework"
    verbose_name = "Pre-work"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_migrate

        from core.caching import bump_on_change, bump_scope
        from core.permissions import group_permissions_granter
        from prework.models import PreworkItem
        from prework.status import ITEMS_SCOPE

        post_migrate.connect(
            group_permissions_granter("prework", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="prework-permissions",
            weak=False,
        )
        bump_on_change(PreworkItem, lambda item: ITEMS_SCOPE, uid="prework-items")
        m2m_changed.connect(
            lambda **kwargs: bump_scope(ITEMS_SCOPE),
            sender=PreworkItem.modules.through,
            dispatch_uid="prework-item-modules",
            weak=False,
        )
