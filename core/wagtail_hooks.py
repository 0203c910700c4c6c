from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from core import admin_views
from core.avatars import display_name, svg_data_uri
from core.documents import refuse_document


@hooks.register("before_serve_document")
def private_documents(document, request):
    return refuse_document(document, request)


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """The admin's avatars: the person's initials on their colour, as on the site, unless
    they uploaded a picture in their Wagtail profile."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return svg_data_uri(display_name(user), size)


@hooks.register("register_admin_urls")
def failed_task_urls():
    return [
        path("failed-tasks/", admin_views.failed_tasks, name="core_failed_tasks"),
        path(
            "failed-tasks/<uuid:result_id>/retry/",
            admin_views.retry_task,
            name="core_retry_task",
        ),
    ]


@hooks.register("register_settings_menu_item")
def failed_tasks_menu_item():
    return AdminOnlyMenuItem(
        _("Failed tasks"), reverse("core_failed_tasks"), icon_name="warning", order=900
    )
