"""The admin's list of failed tasks (emails that used every try), each with "retry".

Only superusers see it: a task's arguments hold whole emails. Retrying enqueues the task
again with its arguments on its own backend, and removes the failed row it replaces.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

SHOWN = 200


def superuser_required(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def summary(result):
    """Who and what, for an email task; else the task's name."""
    args = result.args_kwargs.get("args") or []
    payload = args[0] if args and isinstance(args[0], dict) else {}
    if "subject" in payload:
        return ", ".join(payload.get("to", [])), payload["subject"]
    return "", result.task_name


@superuser_required
def failed_tasks(request):
    results = DBTaskResult.objects.failed().order_by("-finished_at")[:SHOWN]
    rows = [(result, *summary(result)) for result in results]
    return TemplateResponse(
        request,
        "core/admin/failed_tasks.html",
        {"rows": rows, "page_title": _("Failed tasks"), "header_icon": "warning"},
    )


@superuser_required
@require_POST
def retry_task(request, result_id):
    result = get_object_or_404(DBTaskResult.objects.failed(), pk=result_id)
    call = result.args_kwargs
    result.task.using(backend=result.backend_name).enqueue(*call["args"], **call["kwargs"])
    result.delete()
    messages.success(request, _("The task is queued again."))
    return redirect("core_failed_tasks")
