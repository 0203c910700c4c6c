"""Moderator controls on the forum pages: pin, lock, hide and move topics; hide (with
a reason, after a confirmation page), unhide and restore posts. Shown to moderators
only, and checked here on every request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import access, posting
from forums.choices import ReportStatus
from forums.forms import HideForm, MoveForm
from forums.models import Forum, Post, Report
from forums.views.common import require_moderator, see_other, topic_view

# action name -> the topic fields it sets
TOPIC_ACTIONS = {
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
    "lock": {"locked": True},
    "unlock": {"locked": False},
    "hide": {"hidden": True},
    "unhide": {"hidden": False},
}
# action name -> (the decision the post's author is told, the post fields it sets)
POST_ACTIONS = {
    "hide": ("hidden", {"hidden": True}),
    "unhide": ("unhidden", {"hidden": False}),
    "restore": ("restored", {"deleted": False}),
}


@require_POST
@login_required
@topic_view
def moderate_topic(request, topic, rights, action):
    require_moderator(rights)
    if action not in TOPIC_ACTIONS:
        raise Http404
    posting.set_topic_flags(topic, **TOPIC_ACTIONS[action])
    messages.success(request, _("Topic updated."))
    return redirect(topic.get_absolute_url())


@login_required
@topic_view
def moderate_post(request, topic, rights, post_id, action):
    """Unhide and restore act at once; hiding asks first, on a page (no JavaScript
    needed) where the moderator gives the reason its author will read."""
    require_moderator(rights)
    if action not in POST_ACTIONS:
        raise Http404
    post = get_object_or_404(Post.objects.select_related("author"), pk=post_id, topic=topic)
    post.topic = topic
    if action == "hide":
        return hide_post(request, topic, post)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    decision, flags = POST_ACTIONS[action]
    posting.moderate_post(post, decision, by=request.user, **flags)
    messages.success(request, _("Post updated."))
    return see_other(post.get_absolute_url())


def hide_post(request, topic, post):
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            decision, flags = POST_ACTIONS["hide"]
            reason = form.cleaned_data["reason"]
            posting.moderate_post(post, decision, by=request.user, reason=reason, **flags)
            # Open reports on the post are settled by this decision.
            Report.objects.filter(post=post, status=ReportStatus.OPEN).update(
                status=ReportStatus.HIDDEN, resolved_by=request.user, resolved_at=timezone.now()
            )
        messages.success(request, _("The post is hidden; its author is told why."))
        return see_other(post.get_absolute_url())
    context = {"topic": topic, "post": post, "form": form}
    return render(request, "forums/post_hide.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@topic_view
def move_topic(request, topic, rights):
    """Move a topic into another forum the same user moderates, and only such a one."""
    require_moderator(rights)
    targets = [f.pk for f in access.moderated_forums(request.user) if f.pk != topic.forum_id]
    form = MoveForm(request.POST, forums=Forum.objects.filter(pk__in=targets))
    if not form.is_valid():
        context = {"message": _("Choose a forum you moderate to move this topic into.")}
        return render(request, "forums/error.html", context, status=400)
    posting.move_topic(topic, form.cleaned_data["forum"])
    messages.success(request, _("Topic moved."))
    return redirect(topic.get_absolute_url())
