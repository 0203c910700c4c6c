from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    """Measures and improvement data of teams (the Core Data Set); today the run-chart
    rules (improvement.runcharts)."""

    name = "improvement"
    verbose_name = "Improvement"
