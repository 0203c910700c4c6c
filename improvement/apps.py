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

        from core.caching import bump_on_change
        from core.permissions import group_permissions_granter
        from improvement.assessment import AssessmentLevel, AssessmentLevelTranslation
        from improvement.models import Measure
        from improvement.ratings import LEVELS_SCOPE
        from improvement.series import MEASURES_SCOPE

        # Editors define every course's measures; facilitators their courses' (the
        # admin's policy asks courses.access).
        post_migrate.connect(
            group_permissions_granter("improvement", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="improvement-permissions",
            weak=False,
        )
        bump_on_change(Measure, lambda measure: MEASURES_SCOPE, uid="improvement-measures")
        for model in (AssessmentLevel, AssessmentLevelTranslation):
            bump_on_change(model, lambda row: LEVELS_SCOPE, uid=f"improvement-{model.__name__}")
