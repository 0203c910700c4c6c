import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/certificates/%00/",
        "/forums/%00/",
        "/library/?q=%00",
        "/library/?tag=a%00b",
        "/courses/?theme=%00",
        "/%00/",
    ],
)
def test_a_nul_byte_in_the_address_is_a_bad_request(client, home_page, url):
    """PostgreSQL refuses NUL in text lookups; it must be a 400, never a 500."""
    response = client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content
