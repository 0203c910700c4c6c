"""Adding a poll to a topic, voting in it and closing it early; asked through the
forums_can_* hooks (posting rights to vote, moderation to close), like every forum
action. A poll can be added to a topic that has none, at any time while the topic is
open, by the topic's author or a moderator: a new poll has no votes to disturb."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.ids import parse_id
from forums import polls
from forums.forms import PollForm
from forums.views.common import (
    error_page,
    refuse_large_posts,
    require_moderator,
    require_post_rights,
    see_other,
    topic_view,
)


def topic_poll(topic):
    if not hasattr(topic, "poll"):
        raise Http404
    topic.poll.topic = topic
    return topic.poll


@require_POST
@login_required
@topic_view
def vote(request, topic, rights):
    require_post_rights(rights)
    poll = topic_poll(topic)
    option_ids = [parse_id(raw) for raw in request.POST.getlist("option")]
    if None in option_ids:
        return error_page(request, _("Choose one of the poll's options."), 400)
    try:
        polls.vote(poll, request.user, option_ids)
    except polls.VoteRefused as refusal:
        return error_page(request, str(refusal), 400)
    messages.success(request, _("Your vote is counted."))
    return redirect(topic.get_absolute_url() + "#poll")


@require_POST
@login_required
@topic_view
def close(request, topic, rights):
    require_moderator(rights)
    poll = topic_poll(topic)
    try:
        polls.close_early(poll, request.user)
    except polls.VoteRefused as refusal:
        return error_page(request, str(refusal), 400)
    messages.success(request, _("The poll is closed and its results are posted."))
    return redirect(topic.get_absolute_url())


def may_add_poll(user, topic, rights):
    if rights.moderate:
        return True
    return rights.post and topic.author_id == user.pk and not topic.locked


@login_required
@refuse_large_posts
@topic_view
def add(request, topic, rights):
    if not may_add_poll(request.user, topic, rights):
        raise PermissionDenied(_("Only the topic's author or a moderator can add a poll."))
    if hasattr(topic, "poll"):
        return error_page(request, _("This topic has a poll already."), 400)
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            polls.add_poll(topic, form.cleaned_data)
        except polls.VoteRefused as refusal:
            return error_page(request, str(refusal), 400)
        messages.success(request, _("The poll is added."))
        return see_other(topic.get_absolute_url() + "#poll")
    status = 400 if form.errors else 200
    return render(request, "forums/poll_form.html", {"topic": topic, "form": form}, status=status)
