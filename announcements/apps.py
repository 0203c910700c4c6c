from django.apps import AppConfig

# Editors see who subscribed and what was sent, and may remove a subscriber.
EDITOR_PERMISSIONS = ["view_subscriber", "delete_subscriber", "view_optout", "view_delivery"]


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = "Announcements"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from announcements.audiences import list_recipients
        from announcements.models import AnnouncementPage
        from core.permissions import group_permissions_granter

        page_published.connect(
            list_recipients, sender=AnnouncementPage, dispatch_uid="announcements-list"
        )
        post_migrate.connect(
            group_permissions_granter("announcements", {"Editors": EDITOR_PERMISSIONS}),
            dispatch_uid="announcements-permissions",
            weak=False,
        )
