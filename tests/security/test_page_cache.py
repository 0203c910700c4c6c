"""Findings 2 and 14: the anonymous page cache follows privacy changes at once, and
visitors can neither flood it with query strings nor evict the site's own counters."""

import pytest
from django.core.cache import cache, caches
from wagtail.models import PageViewRestriction, Site

from forums.ratelimit import allow_post, post_rate
from home import page_cache
from home.models import SiteSettings, StandardPage


@pytest.fixture
def about_page(home_page):
    SiteSettings.for_site(Site.objects.get())
    return home_page.add_child(instance=StandardPage(title="About us", slug="about"))


def cached_entries():
    return len(cache._cache)  # LocMemCache's store: the number of entries kept


def test_making_a_page_private_clears_its_cached_copy(client, about_page):
    client.get("/about/")
    assert client.get("/about/").status_code == 200
    PageViewRestriction.objects.create(page=about_page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/about/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_making_a_parent_private_hides_the_cached_child(client, home_page, about_page):
    team = about_page.add_child(instance=StandardPage(title="Team", slug="team"))
    client.get("/about/team/")
    PageViewRestriction.objects.create(page=about_page, restriction_type="login")
    assert client.get("/about/team/").status_code == 302
    assert team.pk


def test_deleting_a_restriction_clears_the_cache(client, about_page):
    restriction = PageViewRestriction.objects.create(page=about_page, restriction_type="login")
    assert client.get("/about/").status_code == 302
    restriction.delete()
    assert client.get("/about/").status_code == 200


def test_a_cached_copy_is_refused_for_a_page_that_is_now_restricted(client, about_page):
    """Even when the generation did not move (a restriction written without signals),
    the serve-time check refuses the stored copy once the restricted paths are known."""
    client.get("/about/")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=about_page, restriction_type="login")]
    )
    caches["state"].delete(page_cache.RESTRICTED_KEY)  # as after a restart of the state cache
    assert client.get("/about/").status_code == 302


def test_a_hit_still_costs_no_query(client, about_page, django_assert_num_queries):
    client.get("/about/")
    with django_assert_num_queries(0):
        assert client.get("/about/").status_code == 200


def test_unused_query_strings_are_not_cached(client, about_page):
    client.get("/about/")
    before = cached_entries()
    for number in range(50):
        assert client.get(f"/about/?cb={number}").status_code == 200
    assert cached_entries() == before


def test_out_of_range_page_numbers_are_not_cached(client, home_page):
    from courses.models import CourseIndexPage

    home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    client.get("/courses/")
    before = cached_entries()
    for number in range(2, 30):
        client.get(f"/courses/?page={number}")
    client.get("/courses/?status=running&cb=1")
    assert cached_entries() == before
    client.get("/courses/?status=running")
    assert cached_entries() == before + 1


def test_counters_and_the_generation_live_where_visitors_cannot_fill(client, about_page, user):
    client.get("/about/")
    assert page_cache.GENERATION_KEY not in [k.split(":", 2)[-1] for k in cache._cache]
    assert caches["state"].get(page_cache.GENERATION_KEY) is not None
    posts, _seconds = post_rate()
    assert all(allow_post(user) for _ in range(posts))
    cache.clear()  # a flood evicting every page
    assert allow_post(user) is False
