from django.apps import AppConfig

EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("measure", "baseline")
    for action in ("add", "change", "delete", "view")
]


class ImprovementConfig(AppConfig):
    """Measures and improvement data of teams (the Core Data Set): the measures (edited in
    the admin), each team's monthly values with their history, and the run-chart rules
    (improvement.runcharts)."""

    name = "improvement"
    verbose_name = "Improvement"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.permissions import group_permissions_granter

        # Editors define every course's measures; facilitators their courses' (the
        # admin's policy asks courses.access).
        post_migrate.connect(
            group_permissions_granter("improvement", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="improvement-permissions",
            weak=False,
        )
