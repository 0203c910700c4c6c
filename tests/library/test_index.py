import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from library.choices import ResourceLanguage, ResourceType
from tests.library.factories import make_image, make_resource


def titles(response):
    return re.findall(
        r'class="library-item__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def shelf(library):
    make_resource(
        library,
        "mhGAP guide",
        tags=["mhGAP", "task-sharing"],
        year=2016,
        resource_type=ResourceType.GUIDANCE,
        summary="Care for depression in primary care.",
    )
    make_resource(
        library,
        "Task-sharing toolkit",
        tags=["task-sharing", "fidelity"],
        year=2022,
        summary="Roles for lay counsellors and supervision.",
    )
    make_resource(
        library,
        "Fidelity checklist",
        tags=["fidelity", "task-sharing"],
        year=2021,
        summary="A checklist for supervisors.",
    )
    make_resource(
        library,
        "دليل الإشراف",
        tags=["task-sharing"],
        year=2023,
        language=ResourceLanguage.ARABIC,
        summary="دليل للمشرفين",
    )
    make_resource(
        library,
        "Policy brief",
        tags=["policy brief"],
        year=2023,
        resource_type=ResourceType.PUBLICATION,
        summary="Four recommendations.",
    )
    return library


def test_index_lists_every_live_resource_newest_first(client, shelf):
    response = client.get("/library/")
    assert response.status_code == 200
    # Newest year first; within a year, the latest added first.
    assert titles(response) == [
        "Policy brief",
        "دليل الإشراف",
        "Task-sharing toolkit",
        "Fidelity checklist",
        "mhGAP guide",
    ]
    assert "5 resources" in response.content.decode()


def test_unpublished_resources_are_hidden(client, shelf):
    shelf.get_children().filter(slug="policy-brief").update(live=False)
    assert "Policy brief" not in titles(client.get("/library/"))


def test_sort_by_title(client, shelf):
    assert titles(client.get("/library/?sort=title"))[:3] == [
        "Fidelity checklist",
        "mhGAP guide",
        "Policy brief",
    ]


def test_search_finds_title_summary_and_tag_words(client, shelf):
    assert titles(client.get("/library/?q=checklist")) == ["Fidelity checklist"]
    assert titles(client.get("/library/?q=lay+counsellors")) == ["Task-sharing toolkit"]
    # "mhGAP" is a tag of the guide and in its title; "policy" only in a tag and title.
    assert titles(client.get("/library/?q=mhgap")) == ["mhGAP guide"]
    assert titles(client.get("/library/?q=nothing-like-this")) == []


def test_two_tags_narrow_the_list(client, shelf):
    assert set(titles(client.get("/library/?tag=task-sharing"))) == {
        "mhGAP guide",
        "Task-sharing toolkit",
        "Fidelity checklist",
        "دليل الإشراف",
    }
    assert set(titles(client.get("/library/?tag=task-sharing&tag=fidelity"))) == {
        "Task-sharing toolkit",
        "Fidelity checklist",
    }


def test_type_year_and_language_filters(client, shelf):
    assert titles(client.get("/library/?type=guidance")) == ["mhGAP guide"]
    assert titles(client.get("/library/?year=2023&sort=title")) == ["Policy brief", "دليل الإشراف"]
    assert titles(client.get("/library/?language=ar")) == ["دليل الإشراف"]
    combined = client.get("/library/?tag=task-sharing&tag=fidelity&type=toolkit&q=supervisors")
    assert titles(combined) == ["Fidelity checklist"]


def test_filters_show_counts_and_links_that_add_a_tag(client, shelf):
    html = client.get("/library/?tag=task-sharing").content.decode()
    assert '<option value="toolkit">Toolkit (3)</option>' in html
    assert '<option value="guidance">Guidance document (1)</option>' in html
    assert '<option value="ar">Arabic (1)</option>' in html
    assert '<option value="2022">2022 (1)</option>' in html
    # Tag links add to the current tags; the active tag is offered for removal.
    assert '<a href="/library/?tag=task-sharing&amp;tag=fidelity">fidelity</a>' in html
    assert 'href="/library/" class="library-chip">Tag: task-sharing' in html


def test_type_counts_ignore_the_chosen_type_so_others_stay_reachable(client, shelf):
    html = client.get("/library/?type=guidance").content.decode()
    assert '<option value="toolkit">Toolkit (3)</option>' in html
    assert '<option value="guidance" selected>Guidance document (1)</option>' in html


def test_filters_form_works_without_javascript(client, shelf):
    html = client.get("/library/?tag=fidelity").content.decode()
    assert '<form method="get" action="/library/"' in html
    for name in ("q", "type", "language", "year", "sort"):
        assert f'<label for="id_{name}">' in html
    assert '<input type="hidden" name="tag" value="fidelity">' in html
    assert '<button type="submit"' in html


def test_pagination(client, library):
    for number in range(25):
        make_resource(library, f"Resource {number:02}")
    first = client.get("/library/?sort=title")
    assert len(titles(first)) == 20
    assert 'href="/library/?sort=title&amp;page=2" rel="next"' in first.content.decode()
    second = client.get("/library/?sort=title&page=2")
    assert titles(second) == [f"Resource {n}" for n in range(20, 25)]
    assert client.get("/library/?page=3").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "tag=%3Cscript%3Ealert(1)%3C/script%3E",
        "type=%3Cscript%3Ealert(1)%3C/script%3E",
        "type=unknown",
        "type=poster&language=fr&year=1999",
        "year=abc",
        "year=99999999999999999999",
        "language=xx",
        "sort=%3Cb%3E",
        "q=" + "a" * 5000,
        "q=%22unbalanced+quote",
        "q=NEAR(a+b)+AND+OR+*",
        "tag=" + "&tag=".join(str(n) for n in range(50)),
    ],
)
def test_bad_input_gives_a_normal_escaped_page(client, shelf, query):
    response = client.get(f"/library/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_a_choice_with_no_resources_stays_selected_with_a_zero_count(client, shelf):
    html = client.get("/library/?type=poster&year=1999").content.decode()
    assert '<option value="poster" selected>Poster (0)</option>' in html
    assert '<option value="1999" selected>1999 (0)</option>' in html
    assert "No resource matches" in html


def test_unknown_type_is_explained_and_ignored(client, shelf):
    html = client.get("/library/?type=%3Cscript%3E").content.decode()
    assert "Select a valid choice. &lt;script&gt;" in html
    assert len(titles(client.get("/library/?type=%3Cscript%3E"))) == 5


def test_page_past_the_end_is_404(client, shelf):
    assert client.get("/library/?page=99999").status_code == 404
    assert client.get("/library/?page=0").status_code == 404


def test_index_links_the_feed_in_head(client, shelf):
    html = client.get("/library/").content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/library/feed/"' in head


def count_queries(client, url):
    client.get(url)  # first view makes the thumbnails' renditions
    cache.clear()  # measure rendering, not the anonymous page cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_library(client, library):
    """Filtered by two tags and a type, and searched: 20 resources cost what 200 do."""
    image = make_image()

    def add(start, stop):
        for number in range(start, stop):
            make_resource(
                library,
                f"Supervision toolkit {number}",
                tags=["fidelity", "task-sharing", f"topic {number % 7}"],
                thumbnail=image,
                summary="A supervision toolkit for lay counsellors.",
            )

    url = "/library/?tag=fidelity&tag=task-sharing&type=toolkit&q=supervision"
    add(0, 20)
    small = count_queries(client, url)
    add(20, 200)
    assert count_queries(client, url) == small
    assert small <= 25
    html = client.get(url).content.decode()
    assert "200 resources" in html
    assert 'loading="lazy"' in html


def test_private_resources_are_left_out_of_the_list_and_search(client, shelf):
    private = shelf.get_children().get(slug="policy-brief")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert "Policy brief" not in titles(client.get("/library/"))
    assert titles(client.get("/library/?q=recommendations")) == []


def test_on_a_phone_the_tag_filter_comes_before_the_results_and_collapses(client, shelf):
    """The tags are read before the list (they were seven screens down on a phone), in a
    <details> that a wide screen opens (js/open-wide.js) and a phone leaves closed."""
    html = client.get("/library/").content.decode()
    tags = html.index('<details class="library-tags" data-open-wide="52rem">')
    assert tags < html.index('<div class="library-results">')
    assert '<summary class="library-tags__summary">Filter by tag</summary>' in html
    assert "js/open-wide.js" in html
