"""New topics, replies, quotes, edits, deletes and reports by participants.

Every view here needs sign-in (and Django's CSRF check on POST); POSTs bigger than a
message can be are refused with 413 before parsing; new posts are rate-limited (429).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.ids import parse_id
from forums import drafts, mentions, notifications, polls, posting
from forums.emails import notify_new_post
from forums.forms import PostForm, ReportForm, TopicForm
from forums.models import Post, Report
from forums.ratelimit import allow_post
from forums.rendering import quote, render_markdown
from forums.views.common import (
    error_page,
    forum_view,
    refuse_large_posts,
    require_post_rights,
    see_other,
    topic_view,
)


def too_fast(request):
    return error_page(
        request, _("You are posting too quickly. Wait a minute, then send it again."), 429
    )


def form_page(request, template, context, form):
    """Render a form; a preview renders the Markdown without saving. Invalid input
    comes back with its errors and a 400."""
    if form.is_bound and "preview" in request.POST and form.is_valid():
        context["preview"] = render_markdown(form.cleaned_data["body"])
    status = 400 if form.is_bound and form.errors else 200
    return render(request, template, {**context, "form": form}, status=status)


def wants_save(request, form):
    return request.method == "POST" and "preview" not in request.POST and form.is_valid()


def wants_draft(request):
    return request.method == "POST" and "save_draft" in request.POST


def keep_draft(request, forum, topic, back_to):
    """Save the form's text as a draft. The page's script gets 204; a press of the
    button comes back to the form with a message."""
    try:
        drafts.save(
            request.user,
            forum,
            topic,
            request.POST.get("body", ""),
            title=request.POST.get("title", ""),
        )
    except drafts.DraftTooLong:
        return error_page(request, _("That draft is too long to keep."), 400)
    if request.headers.get("X-Forum-Draft") == "1":
        return HttpResponse(status=204)
    messages.success(request, _("Draft saved. It will be here when you come back."))
    return redirect(back_to)


def draft_initial(request, forum, topic):
    draft = drafts.find(request.user, forum, topic)
    return {"title": draft.title, "body": draft.body} if draft else {}


def notify_mentioned(request, post, form):
    """Notify the people the post mentions; tell the writer who could not be told."""
    unreachable = mentions.notify_mentioned(post, form.mentioned)
    if unreachable:
        names = ", ".join(user.get_full_name() for user in unreachable)
        messages.warning(
            request,
            _("Not notified, because they cannot read this forum: %(names)s") % {"names": names},
        )


def after_commit_notify(post, form):
    """The reply emails, after commit; a mentioned follower gets the mention's only."""
    transaction.on_commit(lambda: notify_new_post(post, skip=mentioned_ids(form)))


def mentioned_ids(form):
    return {user.pk for user in form.mentioned}


@login_required
@refuse_large_posts
@forum_view
def new_topic(request, forum, rights):
    require_post_rights(rights)
    if wants_draft(request):
        return keep_draft(request, forum, None, request.path)
    form = TopicForm(request.POST or None, initial=draft_initial(request, forum, None))
    if wants_save(request, form):
        if not allow_post(request.user):
            return too_fast(request)
        data = form.cleaned_data
        with transaction.atomic():  # a topic and its poll, or neither
            topic, created = posting.start_topic(
                forum, request.user, data["title"], data["body"], is_question=data["is_question"]
            )
            if created and data["poll_question"]:
                polls.add_poll(topic, data)
        drafts.discard(request.user, forum, None)
        if created:
            first = topic.posts.get(position=1)
            first.topic = topic
            notify_mentioned(request, first, form)
            after_commit_notify(first, form)
        return see_other(topic.get_absolute_url())
    context = {"forum": forum, "people": mentions.suggestions(forum)}
    return form_page(request, "forums/topic_form.html", context, form)


def quoted_body(request, topic):
    """The reply box's initial text when ?quote=<post id> names a visible post."""
    post_id = request.GET.get("quote", "")
    if not post_id:
        return ""
    if parse_id(post_id) is None:
        raise Http404
    post = get_object_or_404(
        Post.objects.select_related("author"),
        pk=parse_id(post_id),
        topic=topic,
        hidden=False,
        deleted=False,
    )
    name = post.author.get_full_name() if post.author else _("A former member")
    return quote(name, post.body)


@login_required
@refuse_large_posts
@topic_view
def reply(request, topic, rights):
    require_post_rights(rights)
    if topic.locked and not rights.moderate:
        raise PermissionDenied(_("This topic is locked: no new replies."))
    if wants_draft(request):
        return keep_draft(request, topic.forum, topic, topic.get_absolute_url() + "#reply")
    initial = draft_initial(request, topic.forum, topic)
    quoted = quoted_body(request, topic)
    initial["body"] = initial.get("body", "") + quoted if quoted else initial.get("body", "")
    form = PostForm(request.POST or None, initial=initial)
    if wants_save(request, form):
        if not allow_post(request.user):
            return too_fast(request)
        try:
            post, created = posting.reply(
                topic, request.user, form.cleaned_data["body"], may_post_when_locked=rights.moderate
            )
        except posting.TopicLocked:
            raise PermissionDenied(_("This topic is locked: no new replies.")) from None
        post.topic = topic
        drafts.discard(request.user, topic.forum, topic)
        if created:
            notifications.notify_reply(post, skip=mentioned_ids(form))
            notify_mentioned(request, post, form)
            after_commit_notify(post, form)
        return see_other(post.get_absolute_url())
    context = {"topic": topic, "people": mentions.suggestions(topic.forum, topic)}
    return form_page(request, "forums/reply_form.html", context, form)


def own_post(request, topic, post_id):
    """The user's own visible post in this topic; 404 if it is not in the topic."""
    post = get_object_or_404(Post, pk=post_id, topic=topic)
    if post.author_id != request.user.pk:
        raise PermissionDenied(_("You can only change your own posts."))
    if post.hidden or post.deleted:
        raise PermissionDenied(_("This post has been removed and cannot be changed."))
    post.topic = topic
    return post


@login_required
@refuse_large_posts
@topic_view
def edit_post(request, topic, rights, post_id):
    post = own_post(request, topic, post_id)
    if topic.locked and not rights.moderate:
        raise PermissionDenied(_("This topic is locked."))
    form = PostForm(request.POST or None, initial={"body": post.body})
    if wants_save(request, form):
        posting.edit_post(post, form.cleaned_data["body"])
        notify_mentioned(request, post, form)
        messages.success(request, _("Your post has been updated."))
        return see_other(post.get_absolute_url())
    context = {"topic": topic, "post": post, "people": mentions.suggestions(topic.forum, topic)}
    return form_page(request, "forums/post_edit.html", context, form)


@login_required
@topic_view
def delete_post(request, topic, rights, post_id):
    post = own_post(request, topic, post_id)
    if request.method == "POST":
        posting.set_post_flags(post, deleted=True)
        messages.success(request, _("Your post has been deleted."))
        return redirect(post.get_absolute_url())
    return render(request, "forums/post_delete.html", {"topic": topic, "post": post})


@login_required
@refuse_large_posts
@topic_view
def report_post(request, topic, rights, post_id):
    post = get_object_or_404(Post, pk=post_id, topic=topic, hidden=False, deleted=False)
    post.topic = topic
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                Report.objects.create(
                    post=post, reporter=request.user, reason=form.cleaned_data["reason"]
                )
        except IntegrityError:
            pass  # the user's earlier report on this post is still open
        messages.success(request, _("Thank you. A moderator will look at this post."))
        return redirect(post.get_absolute_url())
    context = {"topic": topic, "post": post, "form": form}
    return render(request, "forums/report_form.html", context, status=400 if form.errors else 200)
