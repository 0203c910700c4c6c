from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from home import page_cache, site_cache

        page_cache.connect_signals()
        site_cache.connect_signals()
