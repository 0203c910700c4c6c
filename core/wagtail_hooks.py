from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from core import admin_views
from core.documents import refuse_document


@hooks.register("before_serve_document")
def private_documents(document, request):
    return refuse_document(document, request)


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
