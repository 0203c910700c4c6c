from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save
        from wagtail.models import Site

        from home import page_cache, permission_cache
        from home.models.site_settings import give_site_its_settings

        page_cache.connect_signals()
        permission_cache.connect_signals(get_user_model())
        post_save.connect(give_site_its_settings, sender=Site, dispatch_uid="site-gets-settings")
