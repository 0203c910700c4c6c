"""Signed-out visitors get the forum list, public forums and their topics from the page
cache; every change the forums app makes shows on the next anonymous request, and
nothing private or personal is ever stored or replayed."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from forums import posting, reactions
from forums.choices import ReactionKind, Scope
from forums.models import Forum, ForumTranslation, Topic
from forums.views.reading import forum_list
from home.models import SiteSettings, StandardPage
from home.page_cache import AnonymousPageCacheMiddleware
from tests.forums.factories import make_topic

PREFIXES = ["", "/ar", "/fa", "/ur"]


@pytest.fixture(autouse=True)
def site(home_page):
    # The footer's settings row exists on a real site; creating it clears the cache.
    SiteSettings.for_site(Site.objects.get())
    return home_page


@pytest.fixture
def member_client(member):
    signed_in = Client()
    signed_in.force_login(member)
    return signed_in


@pytest.fixture
def editor_client(editor):
    signed_in = Client()
    signed_in.force_login(editor)
    return signed_in


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def served_from_cache(client, url, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(0):
        return client.get(url)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_second_anonymous_view_of_the_forum_pages_costs_no_query(
    client, topic, prefix, django_assert_num_queries
):
    for url in ["/forums/", "/forums/barriers/", topic.get_absolute_url()]:
        first = client.get(prefix + url)
        with django_assert_num_queries(0):
            second = client.get(prefix + url)
        assert second.status_code == 200
        assert second.content == first.content


def test_a_topics_later_page_is_cached_and_an_unused_query_is_not(
    client, open_forum, user, django_assert_num_queries
):
    topic = make_topic(open_forum, user, replies=30)
    url = topic.get_absolute_url()
    served_from_cache(client, url + "?page=2", django_assert_num_queries)
    client.get(url + "?page=2&cb=1")
    assert client.get(url + "?page=2&cb=1").wsgi_request.__dict__.get("page_cache_scopes")
    assert client.get(url + "?page=99").status_code == 404


def test_a_new_reply_shows_on_the_next_anonymous_view(client, member_client, topic):
    for url in ["/forums/", "/forums/barriers/", topic.get_absolute_url()]:
        client.get(url)
    member_client.post(f"{topic.get_absolute_url()}reply/", {"body": "We share the rota"})
    assert "We share the rota" in html(client, topic.get_absolute_url())
    assert "Maryam Member" in html(client, "/forums/")  # the latest poster
    assert "Maryam Member" in html(client, "/forums/barriers/")


def test_a_new_topic_shows_on_the_list_and_the_forum(client, member_client, open_forum):
    client.get("/forums/")
    client.get("/forums/barriers/")
    member_client.post("/forums/barriers/new/", {"title": "Night shifts", "body": "How?"})
    assert "Night shifts" in html(client, "/forums/")
    assert "Night shifts" in html(client, "/forums/barriers/")


def test_an_edit_shows_on_the_next_anonymous_view(client, topic, user):
    signed_in = Client()
    signed_in.force_login(user)
    post = topic.posts.get()
    client.get(topic.get_absolute_url())
    signed_in.post(f"{topic.get_absolute_url()}posts/{post.pk}/edit/", {"body": "Better words"})
    assert "Better words" in html(client, topic.get_absolute_url())


def test_hiding_a_post_or_a_topic_takes_it_off_the_cached_pages(
    client, editor_client, open_forum, user
):
    topic = make_topic(open_forum, user, title="Rotas", body="First post", replies=1)
    reply = topic.posts.get(position=2)
    url = topic.get_absolute_url()
    client.get(url)
    editor_client.post(f"{url}posts/{reply.pk}/hide/", {"reason": "Off topic"})
    assert "Reply 0" not in html(client, url)
    client.get("/forums/barriers/")
    editor_client.post(f"{url}hide/")
    assert client.get(url).status_code == 404
    assert "Rotas" not in html(client, "/forums/barriers/")


def test_locking_pinning_and_moving_show_at_once(client, editor_client, open_forum, user):
    other = Forum.objects.create(name="Data", slug="data", scope=Scope.PUBLIC, position=3)
    topic = make_topic(open_forum, user, title="Rotas")
    url = topic.get_absolute_url()
    client.get(url)
    editor_client.post(f"{url}lock/")
    assert "locked" in html(client, url).lower()
    client.get("/forums/data/")
    editor_client.post(f"{url}move/", {"forum": other.slug})
    assert "Rotas" in html(client, "/forums/data/")
    assert "Rotas" not in html(client, "/forums/barriers/")


def test_a_reaction_shows_on_the_next_anonymous_view(client, topic, member):
    client.get(topic.get_absolute_url())
    reactions.toggle(topic.posts.get(), member, ReactionKind.HELPFUL)
    assert "Maryam Member" in html(client, topic.get_absolute_url())


def test_a_reply_leaves_other_topics_and_wagtail_pages_cached(
    client, open_forum, user, site, django_assert_num_queries
):
    about = site.add_child(instance=StandardPage(title="About us", slug="about"))
    busy = make_topic(open_forum, user, title="Busy")
    quiet = make_topic(open_forum, user, title="Quiet")
    client.get(about.url)
    client.get(quiet.get_absolute_url())
    posting.reply(busy, user, "One more")
    with django_assert_num_queries(0):
        client.get(about.url)
        client.get(quiet.get_absolute_url())


def test_a_members_forum_is_never_stored(
    client, member_client, members_forum, member, django_assert_max_num_queries
):
    topic = make_topic(members_forum, member, title="Members only")
    for url in ["/forums/members/", topic.get_absolute_url()]:
        assert member_client.get(url).status_code == 200
        for prefix in PREFIXES:
            assert client.get(prefix + url).status_code == 302  # sign in first
    assert "Members only" not in html(client, "/forums/")


def test_a_course_forum_is_never_served_to_visitors(client, forum_a, course_rules, member):
    course_rules.members[forum_a.page_id] = {member.pk}
    topic = make_topic(forum_a, member, title="Our ward")
    signed_in = Client()
    signed_in.force_login(member)
    assert signed_in.get(topic.get_absolute_url()).status_code == 200
    assert client.get(topic.get_absolute_url()).status_code == 302
    assert "Our ward" not in html(client, "/forums/")


def test_a_forum_made_private_is_no_longer_served_from_the_cache(client, topic, open_forum):
    client.get("/forums/")
    client.get(topic.get_absolute_url())
    open_forum.scope = Scope.MEMBERS
    open_forum.save()  # as the forum's edit view in the admin does
    assert client.get(topic.get_absolute_url()).status_code == 302
    assert client.get("/forums/barriers/").status_code == 302
    assert "Barriers and solutions" not in html(client, "/forums/")


def test_a_renamed_forum_shows_its_new_name_in_every_language(client, topic, open_forum):
    client.get("/ar/forums/")
    ForumTranslation.objects.create(forum=open_forum, language_code="ar", name="العوائق والحلول")
    assert "العوائق والحلول" in html(client, "/ar/forums/")


def test_signed_in_readers_never_get_the_cached_copy(client, member, topic):
    client.get(topic.get_absolute_url())
    client.force_login(member)
    page = html(client, topic.get_absolute_url())
    assert "Sign out" in page
    assert 'name="body"' in page  # their own reply box


def test_a_visitor_holding_a_csrf_cookie_gets_a_fresh_page(client, topic):
    """Signing in then out leaves a CSRF cookie and no session: the topic is still the
    anonymous page, but never one that set a cookie."""
    client.get("/accounts/login/")
    assert "csrftoken" in client.cookies
    first = client.get(topic.get_absolute_url())
    assert not first.cookies
    assert client.get(topic.get_absolute_url()).content == first.content


def test_a_forum_page_that_set_a_csrf_cookie_is_never_replayed(rf, topic):
    """The cookie guard alone: the real middleware and forum list, with a form on the
    page that gives each visitor their own CSRF token."""

    def forum_list_with_a_form(request):
        request.user = AnonymousUser()
        response = forum_list(request)
        get_token(request)
        return response

    stack = AnonymousPageCacheMiddleware(CsrfViewMiddleware(forum_list_with_a_form))
    first = stack(rf.get("/forums/"))
    second = stack(rf.get("/forums/"))
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_poll_closing_soon_is_cached_only_until_it_closes(client, open_forum, user):
    from forums import polls

    topic = make_topic(open_forum, user, title="Call day")
    closes = timezone.now() + timedelta(seconds=90)
    polls.create_poll(
        topic,
        question="Which day?",
        options=["Mon", "Wed"],
        multiple=False,
        anonymous=False,
        closes_at=closes,
    )
    response = client.get(topic.get_absolute_url())
    assert 0 < response.wsgi_request.page_cache_timeout <= 90


def test_no_copy_outlives_an_emptied_state_cache(client, topic):
    """The scopes' generations live in the state cache; when it is emptied (a restart),
    a copy taken before is refused, even for a change that sent no signal."""
    client.get(topic.get_absolute_url())
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    caches["state"].clear()
    assert client.get(topic.get_absolute_url()).status_code == 404
