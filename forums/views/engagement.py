"""Reactions on posts, and questions with an accepted answer. Each POST is checked on
the topic's forum through forums.access (the forums_can_* hooks), like every forum view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import posting, reactions
from forums.choices import ReactionKind
from forums.models import Post
from forums.views.common import error_page, require_post_rights, topic_view


def visible_post(topic, post_id):
    """A visible post of this topic: hidden and deleted posts take no reactions (404)."""
    post = get_object_or_404(Post, pk=post_id, topic=topic, hidden=False, deleted=False)
    post.topic = topic
    return post


@require_POST
@login_required
@topic_view
def react(request, topic, rights, post_id):
    require_post_rights(rights)
    post = visible_post(topic, post_id)
    kind = request.POST.get("kind", "")
    if kind not in ReactionKind.values:
        return error_page(request, _("Choose one of the reactions shown."), 400)
    if post.author_id == request.user.pk:
        raise PermissionDenied(_("You cannot react to your own post."))
    reactions.toggle(post, request.user, kind)
    return redirect(post.get_absolute_url())


def require_question_owner(request, topic, rights):
    """The topic's author or a moderator (a facilitator, for a course forum)."""
    require_post_rights(rights)
    if not (rights.moderate or topic.author_id == request.user.pk):
        raise PermissionDenied(
            _("Only the person who asked, or a facilitator, can change this question.")
        )


@require_POST
@login_required
@topic_view
def mark_question(request, topic, rights):
    require_question_owner(request, topic, rights)
    is_question = request.POST.get("question") == "1"
    posting.set_question(topic, is_question)
    messages.success(
        request,
        _("Marked as a question.") if is_question else _("No longer marked as a question."),
    )
    return redirect(topic.get_absolute_url())


@require_POST
@login_required
@topic_view
def accept_answer(request, topic, rights, post_id):
    """Accept a reply as the answer, or (the accepted one again) take that back."""
    require_question_owner(request, topic, rights)
    post = visible_post(topic, post_id)
    if not topic.is_question:
        return error_page(request, _("This topic is not a question."), 400)
    if post.position == 1:
        return error_page(request, _("Only a reply can be the answer."), 400)
    if topic.answer_id == post.pk:
        posting.accept_answer(topic, None, by=request.user)
        messages.success(request, _("The answer is no longer marked."))
    else:
        posting.accept_answer(topic, post, by=request.user)
        messages.success(request, _("Marked as the answer."))
    return redirect(post.get_absolute_url())
