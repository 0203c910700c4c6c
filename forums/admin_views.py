"""The Wagtail admin: forums, topics and the moderation queue of reports.

Editors (the `forums.moderate_forum` permission and model permissions, granted to the
Editors group by migration) moderate every forum here. Facilitators moderate their own
course forums from the forum pages, where the `forums_can_moderate` hook decides.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import ScopedSnippetViewSet
from forums import posting
from forums.access import is_global_moderator, visible_forums
from forums.choices import ReportStatus
from forums.models import Forum, Report, Topic


class NoAddPolicy(ModelPermissionPolicy):
    """Topics start with a first post and reports come from readers: the admin edits
    and resolves them but never creates them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class ReportPolicy(NoAddPolicy):
    """Reports change only through the resolve actions, which keep their posts right."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)


def readable_forum_ids(user):
    return [forum.pk for forum in visible_forums(user)]


class ForumViewSet(ScopedSnippetViewSet):
    model = Forum
    icon = "group"
    menu_label = _("Forums")
    list_display = ["name", "scope", "page", "position"]
    list_filter = ["scope"]
    search_fields = ["name", "description"]
    ordering = ["position", "name"]
    sort_order_field = "position"
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("scope"),
        FieldPanel("page"),
        InlinePanel("translations", heading=_("Name and description in other languages")),
    ]

    def get_queryset(self, request):
        """Moderators see every forum; anyone else (a chooser) the forums they may read."""
        if is_global_moderator(request.user):
            return Forum.objects.all()
        return Forum.objects.filter(pk__in=readable_forum_ids(request.user))


class TopicViewSet(ScopedSnippetViewSet):
    model = Topic
    icon = "comment"
    menu_label = _("Topics")
    list_display = ["title", "forum", "author", "pinned", "locked", "hidden", "post_count"]
    list_filter = ["forum", "pinned", "locked", "hidden"]
    search_fields = ["title"]
    ordering = ["-last_post_at"]
    panels = [FieldPanel("title"), FieldPanel("forum"), "pinned", "locked", "hidden"]

    def get_queryset(self, request):
        """Moderators see every topic; anyone else (a chooser) those of forums they may
        read: other courses' private topics stay out of sight."""
        topics = Topic.objects.select_related("forum", "author")
        if is_global_moderator(request.user):
            return topics
        return topics.filter(forum__in=readable_forum_ids(request.user))


class ResolveColumn(Column):
    cell_template_name = "forums/admin/resolve_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["report"] = instance
        context["actions"] = RESOLVE_ACTIONS
        # Cell templates get no csrf_token of their own.
        context["csrf_token"] = get_token(parent_context["request"])
        return context


def post_excerpt(report):
    return report.post.body[:120]


class ReportViewSet(ScopedSnippetViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Reported posts")
    list_display = [
        Column("excerpt", label=_("Post"), accessor=post_excerpt),
        Column("topic", label=_("Topic"), accessor="post.topic.title"),
        "reporter",
        "reason",
        "status",
        "created",
        ResolveColumn("resolve", label=_("Resolve")),
    ]
    list_filter = ["status"]
    search_fields = ["reason"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        open_first = Case(
            When(status=ReportStatus.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        reports = Report.objects.select_related("post__topic__forum", "reporter")
        if not is_global_moderator(request.user):
            return reports.none()
        return reports.order_by(open_first, "-created")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resolve/<id:pk>/<slug:action>/", resolve_report, name="resolve"),
        ]


# action -> (post fields to set, report status)
RESOLVE_ACTIONS = {
    "hide": ({"hidden": True}, ReportStatus.HIDDEN),
    "restore": ({"hidden": False, "deleted": False}, ReportStatus.RESTORED),
    "dismiss": ({}, ReportStatus.DISMISSED),
}
# report status -> the decision the post's author is told
DECISIONS = {ReportStatus.HIDDEN: "hidden", ReportStatus.RESTORED: "restored"}


@require_POST
def resolve_report(request, pk, action):
    """Hide the reported post, restore it, or dismiss the report. Every open report on
    the same post is resolved with it, in one transaction."""
    if not is_global_moderator(request.user) or action not in RESOLVE_ACTIONS:
        raise PermissionDenied
    report = get_object_or_404(Report.objects.select_related("post__topic__forum"), pk=pk)
    flags, status = RESOLVE_ACTIONS[action]
    with transaction.atomic():
        if flags:
            posting.moderate_post(report.post, DECISIONS[status], by=request.user, **flags)
        Report.objects.filter(post=report.post, status=ReportStatus.OPEN).update(
            status=status, resolved_by=request.user, resolved_at=timezone.now()
        )
    return redirect("wagtailsnippets_forums_report:list")


class ForumsAdminGroup(SnippetViewSetGroup):
    menu_label = _("Forums")
    menu_icon = "group"
    menu_order = 250
    items = (ForumViewSet, TopicViewSet, ReportViewSet)
