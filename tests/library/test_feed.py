import datetime
from xml.etree import ElementTree

from django.utils import timezone

from tests.library.factories import make_resource


def rss_channel(response):
    # The site's own feed, not untrusted input.
    return ElementTree.fromstring(response.content).find("channel")  # noqa: S314


def test_feed_is_rss_of_the_newest_resources(client, library):
    now = timezone.now()
    make_resource(library, "Older", first_published_at=now - datetime.timedelta(days=3))
    make_resource(
        library,
        "Newer <b>&</b>",
        slug="newer",
        summary="Tips & <tricks>",
        tags=["fidelity"],
        first_published_at=now,
    )
    response = client.get("/library/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = rss_channel(response)
    assert channel.findtext("link") == "http://testserver/library/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer <b>&</b>", "Older"]
    newest = items[0]
    assert newest.findtext("link") == "http://testserver/library/newer/"
    assert newest.findtext("description") == "Tips & <tricks>"
    assert newest.findtext("category") == "fidelity"
    assert newest.findtext("pubDate")


def test_feed_leaves_out_unpublished_resources(client, library):
    make_resource(library, "Draft").unpublish()
    channel = rss_channel(client.get("/library/feed/"))
    assert channel.findall("item") == []


def test_feed_query_count_is_constant(client, library, django_assert_max_num_queries):
    for number in range(30):
        make_resource(library, f"Resource {number}", tags=["a", "b"])
    with django_assert_max_num_queries(8):
        client.get("/library/feed/")
