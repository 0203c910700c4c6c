from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    """Measures and improvement data of teams (the Core Data Set): the measures (edited in
    the admin), each team's monthly values with their history, and the run-chart rules
    (improvement.runcharts)."""

    name = "improvement"
    verbose_name = "Improvement"

    def ready(self):
        from django.db.models.signals import post_migrate

        from improvement import signal_handlers

        post_migrate.connect(
            signal_handlers.grant_measure_permissions, dispatch_uid="improvement-permissions"
        )
