import pytest
from wagtail.models import Site

from home.models import SiteSettings, StandardPage


@pytest.fixture
def about_page(home_page):
    # The footer's settings row exists on a real site; creating it clears the cache.
    SiteSettings.for_site(Site.objects.get())
    return home_page.add_child(instance=StandardPage(title="About us", slug="about"))


def test_anonymous_page_views_are_served_from_the_cache(
    client, about_page, django_assert_num_queries
):
    first = client.get("/about/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/about/")
    assert second.content == first.content


def test_publishing_clears_the_cache(client, about_page):
    client.get("/about/")
    about_page.title = "About the collaborative"
    about_page.save_revision().publish()
    assert "<h1>About the collaborative</h1>" in client.get("/about/").content.decode()


def test_editing_site_settings_clears_the_cache(client, about_page, home_page):
    client.get("/about/")
    site_settings = SiteSettings.objects.get()
    site_settings.footer_text = "New footer for all"
    site_settings.save()
    assert "New footer for all" in client.get("/about/").content.decode()


def test_signed_in_visitors_never_get_the_anonymous_copy(client, about_page, user):
    client.get("/about/")
    client.force_login(user)
    html = client.get("/about/").content.decode()
    assert "Sign out" in html


def test_each_language_and_query_is_cached_apart(client, about_page):
    english = client.get("/about/").content.decode()
    arabic = client.get("/ar/about/").content.decode()
    assert 'lang="en"' in english
    assert 'lang="ar"' in arabic
    redirect = client.get("/about/", headers={"accept-language": "ar"})
    assert redirect.status_code == 302


def test_non_page_views_are_not_cached(client, db, django_assert_max_num_queries):
    client.get("/accounts/login/")
    second = client.get("/accounts/login/")
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert second.cookies  # a fresh CSRF cookie: rendered, not replayed


def test_pages_created_in_code_clear_the_cache(client, about_page):
    client.get("/about/")
    about_page.add_child(instance=StandardPage(title="Team", slug="team"))
    about_page.title = "Renamed in code"
    about_page.save()
    assert "<h1>Renamed in code</h1>" in client.get("/about/").content.decode()


def test_a_page_with_a_csrf_token_is_never_replayed(client, about_page):
    """A visitor who already holds a CSRF cookie must not get another's token: the
    password form of a protected page is rendered afresh each time."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=about_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client.get("/accounts/login/")  # now holds a csrftoken cookie
    first = client.get("/about/").content.decode()
    second = client.get("/about/").content.decode()
    assert "csrfmiddlewaretoken" in second
    token = 'name="csrfmiddlewaretoken" value="'
    assert first.split(token)[1][:64] != second.split(token)[1][:64]


def test_pages_marked_private_are_not_cached(client, about_page):
    from wagtail import hooks

    def mark_private(fn):
        def serve(page, request, args, kwargs):
            response = fn(page, request, args, kwargs)
            response["Cache-Control"] = "private"
            return response

        return serve

    with hooks.register_temporarily("on_serve_page", mark_private):
        client.get("/about/")
        second = client.get("/about/")
    # The view ran again (a cache hit answers before any view marks the request).
    assert second.wsgi_request.__dict__.get("anonymous_page_cacheable")


def test_a_public_page_that_rendered_a_csrf_token_is_never_replayed(client, about_page):
    """The cookie check is the only guard here: the page is public, cacheable and
    declared no query. A form on it gives each visitor their own CSRF token."""
    from django.middleware.csrf import get_token
    from wagtail import hooks

    def render_form(fn):
        def serve(page, request, args, kwargs):
            response = fn(page, request, args, kwargs)
            response.render()
            response.content += (
                f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'.encode()
            )
            return response

        return serve

    token = 'name="csrfmiddlewaretoken" value="'
    with hooks.register_temporarily("on_serve_page", render_form):
        first = client.get("/about/")
        client.cookies.clear()  # the next visitor, with no cookie at all
        second = client.get("/about/")
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert first.content.decode().split(token)[1] != second.content.decode().split(token)[1]
