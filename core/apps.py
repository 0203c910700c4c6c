from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base layer: helpers every app shares. It has no models and imports no
    project app, so any app may use it."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import ids

        ids.register()
