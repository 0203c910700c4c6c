"""Finding 11 (output side): no stored text can break the library's RSS feed."""

from xml.etree import ElementTree

from tests.library.conftest import *  # noqa: F403 (library fixture)
from tests.library.factories import make_resource


def test_control_characters_in_stored_content_do_not_break_the_feed(client, library):
    make_resource(
        library,
        "Broken\x02 title\x0b here\x1f",  # no NUL: PostgreSQL cannot store one
        summary="Line one\x08\nline two\tend\x7f",
        tags=["bad\x01tag"],
    )
    response = client.get("/library/feed/")
    assert response.status_code == 200
    item = ElementTree.fromstring(response.content).find("channel/item")  # noqa: S314
    assert item.findtext("title") == "Broken title here"
    assert item.findtext("description") == "Line one\nline two\tend"
