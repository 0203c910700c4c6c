"""Finding 13 (part): every signed-in page is private to the browser, every response
says which browser features it may never use, and anonymous pages stay cacheable."""

import pytest
from wagtail.models import Site

from home.models import SiteSettings, StandardPage
from tests.forums.conftest import *  # noqa: F403 (forum fixtures)


@pytest.fixture
def about_page(home_page):
    SiteSettings.for_site(Site.objects.get())
    return home_page.add_child(instance=StandardPage(title="About us", slug="about"))


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize("url", ["/dashboard/", "/accounts/profile/", "/forums/", "/about/"])
def test_signed_in_pages_are_private(client, about_page, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in directives(response) or "no-store" in directives(response)
    assert "camera=()" in response["Permissions-Policy"]


def test_anonymous_pages_stay_public_and_cached(client, about_page, django_assert_num_queries):
    first = client.get("/about/")
    assert "private" not in directives(first)
    assert "geolocation=()" in first["Permissions-Policy"]
    with django_assert_num_queries(0):
        assert "geolocation=()" in client.get("/about/")["Permissions-Policy"]
