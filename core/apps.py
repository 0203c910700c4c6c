from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base layer: helpers every app shares. It imports no project app, so any app
    may use it; its one model is the record of sent emails (core/outbox.py)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import ids, writes

        ids.register()
        writes.connect()
