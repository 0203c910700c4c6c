"""A person's posts: where a mention links. Only the posts the reader could find in
the forums anyway: visible posts in visible topics of forums the reader may read."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from core.translations import in_reader_language
from forums import access
from forums.models import Forum, ForumTranslation, Post
from forums.views.reading import RESULTS_PER_PAGE, page_links, page_number


def person_posts(request, username):
    person = get_object_or_404(get_user_model(), username=username, is_active=True)
    forums = in_reader_language(
        access.visible_forums(request.user, Forum.objects.all()), ForumTranslation.TEXTS
    )
    posts = (
        Post.objects.filter(author=person, topic__forum__in=forums, topic__hidden=False)
        .filter(hidden=False, deleted=False)
        .select_related("author", "topic__forum")
        .order_by("-created", "-pk")
    )
    pages = Paginator(posts, RESULTS_PER_PAGE)
    page = pages.page(page_number(request, pages.num_pages))
    shown = {forum.pk: forum for forum in forums}
    for post in page.object_list:
        post.topic.forum = shown[post.topic.forum_id]
    context = {
        "person": person,
        "page": page,
        "page_links": page_links(page.number, pages.num_pages),
    }
    return render(request, "forums/person_posts.html", context)
