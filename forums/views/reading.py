"""Forum list, a forum's topics, a topic's posts, permalinks and search."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.translations import in_reader_language
from forums import access, mentions, people, polls, reactions, unread
from forums.forms import PostForm, SearchForm
from forums.models import (
    POSTS_PER_PAGE,
    Forum,
    ForumTranslation,
    Post,
    ReadState,
    Subscription,
    Topic,
)
from forums.page_cache import ACTIVITY, FORUMS, TOPIC, offer, shows
from forums.reports import open_reports, with_report_flags
from forums.views.common import forum_view, topic_view
from forums.views.polls import may_add_poll

TOPICS_PER_PAGE = 30
RESULTS_PER_PAGE = 30
# A question is answered while its accepted answer is visible: a hidden answer answers nothing.
ANSWERED = Exists(Post.objects.filter(pk=OuterRef("answer_id"), hidden=False, deleted=False))


def page_number(request, last_page):
    """The ?page= number, or 404 when it is not a page of this list."""
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= last_page:
        raise Http404
    return int(raw)


def page_links(current, last):
    """Page numbers to link: the first, the last and two either side of the current
    one, with None for each gap, so a 500-page topic does not print 500 links."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links = []
    for number in shown:
        if links and number - links[-1] > 1:
            links.append(None)
        links.append(number)
    return links


def forums_with_stats(user):
    """Visible forums annotated with topic and post counts and their latest topic."""
    latest = Topic.objects.filter(forum=OuterRef("pk"), hidden=False).order_by("-last_post_at")
    visible_topics = Q(topics__hidden=False)
    forums = access.visible_forums(
        user,
        Forum.objects.annotate(
            topic_count=Count("topics", filter=visible_topics),
            post_total=Sum("topics__post_count", filter=visible_topics, default=0),
            latest_topic_id=Subquery(latest.values("pk")[:1]),
        ),
    )
    latest_topics = Topic.objects.select_related("last_poster").in_bulk(
        [forum.latest_topic_id for forum in forums if forum.latest_topic_id]
    )
    for forum in forums:
        forum.latest_topic = latest_topics.get(forum.latest_topic_id)
        if forum.latest_topic:
            forum.latest_topic.forum = forum
    return in_reader_language(forums, ForumTranslation.TEXTS)


def search(request, forums):
    """Topics and posts matching ?q= in `forums`. Hidden topics, hidden and deleted posts
    never match, whoever asks."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None
    q = form.cleaned_data["q"]
    posts = (
        Post.objects.filter(topic__forum__in=forums, topic__hidden=False)
        .filter(hidden=False, deleted=False)
        .filter(Q(body__icontains=q) | Q(position=1, topic__title__icontains=q))
        .select_related("author", "topic__forum")
        .order_by("-created")
    )
    return form, Paginator(posts, RESULTS_PER_PAGE).get_page(request.GET.get("page"))


def search_context(request, forums):
    form, results = search(request, forums)
    context = {"search_form": form, "results": results}
    if results:
        # Each result names its forum as the list does: in the reader's language.
        shown = {forum.pk: forum for forum in forums}
        for post in results:
            post.topic.forum = shown.get(post.topic.forum_id, post.topic.forum)
        context["result_links"] = page_links(results.number, results.paginator.num_pages)
    return context


@shows(FORUMS, ACTIVITY)
def forum_list(request):
    forums = forums_with_stats(request.user)
    context = {"forums": forums}
    if "q" in request.GET:
        context.update(search_context(request, forums))
    else:
        offer(request, {})
    return render(request, "forums/forum_list.html", context)


@shows(FORUMS, ACTIVITY)
@forum_view
def forum_detail(request, forum, rights):
    context = {"forum": forum, "rights": rights}
    if "q" in request.GET:
        context.update(search_context(request, [forum]))
        return render(request, "forums/forum_detail.html", context)
    topics = forum.topics.select_related("author", "last_poster").annotate(answered=ANSWERED)
    if rights.moderate:
        topics = with_report_flags(topics)
        context["open_reports"] = open_reports([forum]).count()
    else:
        topics = topics.filter(hidden=False)
    context["unanswered"] = request.GET.get("show") == "unanswered"
    if context["unanswered"]:
        topics = unanswered(topics)
    user = request.user
    if user.is_authenticated:
        topics = unread.with_unread(topics, user, [forum])
    page = Paginator(topics.order_by("-pinned", "-last_post_at", "-pk"), TOPICS_PER_PAGE)
    page = page.page(page_number(request, page.num_pages))
    if user.is_authenticated:
        context["subscribed"] = Subscription.objects.filter(user=user, forum=forum).exists()
    context["page"] = page
    context["page_links"] = page_links(page.number, page.paginator.num_pages)
    query = {"page": asked_page(request, page.number)}
    offer(request, {**query, "show": "unanswered" if context["unanswered"] else None}, forum=forum)
    return render(request, "forums/forum_detail.html", context)


def asked_page(request, number):
    """The page number a ?page= asked for, as the page cache should see it (None when
    the address named no page)."""
    return number if "page" in request.GET else None


def unanswered(topics):
    """Questions with no visible accepted answer (`topics` annotated with ANSWERED)."""
    return topics.filter(is_question=True, answered=False)


def mark_read(user, topic, position):
    """Remember the highest position `user` has seen (the topic comes with its
    `reader_position`); returns the previous one."""
    previous = topic.reader_position
    if previous is None:
        ReadState.objects.get_or_create(
            user=user, topic=topic, defaults={"last_position": position}
        )
    elif position > previous:
        ReadState.objects.filter(user=user, topic=topic).update(last_position=position)
    return previous or 0


@shows(FORUMS, TOPIC)
@topic_view
def topic_detail(request, topic, rights):
    url_kwargs = request.resolver_match.kwargs
    if (url_kwargs["forum_slug"], url_kwargs["topic_slug"]) != (topic.forum.slug, topic.slug):
        return redirect(topic.get_absolute_url() + query_string(request), permanent=True)
    if hasattr(topic, "poll") and polls.post_results_if_due(topic.poll):
        topic.refresh_from_db(fields=["post_count", "last_position", "last_post_at"])
    number = page_number(request, topic.page_count)
    first = (number - 1) * POSTS_PER_PAGE + 1
    posts = topic.posts.filter(position__range=(first, first + POSTS_PER_PAGE - 1))
    posts = list(posts.select_related("author").prefetch_related(reactions.prefetch()))
    reactions.summarise(posts, request.user)
    people.decorate(posts, topic.forum)
    context = {
        "topic": topic,
        "forum": topic.forum,
        "rights": rights,
        "posts": posts,
        "page_number": number,
        "page_links": page_links(number, topic.page_count),
        "reply_form": reply_form(request, topic, rights),
        "answer": visible_answer(topic),
        "people": mentions.people_on_page(posts) if rights.post else [],
        "poll": topic_poll(topic, request.user),
        "may_accept": rights.post and (rights.moderate or topic.author_id == request.user.pk),
        "may_add_poll": not hasattr(topic, "poll") and may_add_poll(request.user, topic, rights),
    }
    user = request.user
    if user.is_authenticated:
        seen = posts[-1].position if posts else 0
        context["first_unread"] = mark_read(user, topic, seen) + 1
        context["subscribed"] = topic.reader_follows
    if rights.moderate:
        context["move_targets"] = [
            forum for forum in access.moderated_forums(user) if forum.pk != topic.forum_id
        ]
    query = {"page": asked_page(request, number)}
    offer(request, query, forum=topic.forum, timeout=poll_closes_in(topic))
    return render(request, "forums/topic_detail.html", context)


def poll_closes_in(topic):
    """Seconds until the topic's open poll closes (the next view then posts its results),
    or None."""
    poll = getattr(topic, "poll", None)
    if poll is None or poll.closed_at or not poll.closes_at:
        return None
    return max(1, int((poll.closes_at - timezone.now()).total_seconds()))


def topic_poll(topic, user):
    return polls.summary(topic.poll, user) if hasattr(topic, "poll") else None


def reply_form(request, topic, rights):
    """The reply box, holding the reader's draft if they left one."""
    if not rights.post or topic.locked:
        return None
    draft = getattr(topic, "reader_draft", None)  # see with_reader_state
    return PostForm(initial={"body": draft} if draft else None)


def visible_answer(topic):
    """The accepted answer while it is visible (a hidden answer answers nothing)."""
    answer = topic.answer
    if answer is None or not answer.visible:
        return None
    answer.topic = topic
    return answer


def query_string(request):
    return f"?{request.GET.urlencode()}" if request.GET else ""


@topic_view
def post_permalink(request, topic, rights, post_id):
    post = get_object_or_404(Post, pk=post_id, topic=topic)
    post.topic = topic
    return redirect(post.get_absolute_url())


@topic_view
def first_unread(request, topic, rights):
    """Jump to the first post the user has not seen (the last post if all are seen)."""
    seen = getattr(topic, "reader_position", None) or 0  # see with_reader_state
    post = topic.posts.filter(position__gt=seen).order_by("position").first()
    post = post or topic.posts.order_by("-position").first()
    if post is None:
        return redirect(topic.get_absolute_url())
    post.topic = topic
    return redirect(post.get_absolute_url())
