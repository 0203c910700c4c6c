"""Voting in a topic's poll and closing it early; asked through the forums_can_* hooks
(posting rights to vote, moderation to close), like every forum action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.ids import parse_id
from forums import polls
from forums.views.common import error_page, require_moderator, require_post_rights, topic_view


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
