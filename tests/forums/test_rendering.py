import pytest

from forums.rendering import body_hash, is_blank, quote, render_markdown
from tests.forums.payloads import PAYLOADS, live_markup_problems


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payloads_come_out_inert(payload):
    """Only allow-listed tags and attributes survive, and links are http(s)/mailto."""
    html = render_markdown(payload)
    assert live_markup_problems(html) == [], html
    assert "<script" not in html.lower()


def test_the_inertness_check_itself_catches_live_markup():
    assert live_markup_problems('<a href="javascript:x" onclick="y">a</a><svg>')


def test_markdown_is_rendered_and_links_get_rel_and_only_safe_schemes():
    html = render_markdown(
        "**bold** and [site](https://example.org) and [mail](mailto:a@example.org)"
    )
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'href="mailto:a@example.org"' in html
    assert html.count('rel="nofollow ugc noopener"') == 2


def test_entity_encoded_javascript_scheme_loses_its_href():
    """nh3 decodes the entity, sees the javascript: scheme and drops the href: the reader
    gets the link text in an inert <a> with no target at all."""
    html = render_markdown("[x](javascript&#58;alert(1))")
    assert html == '<p><a rel="nofollow ugc noopener">x</a></p>'


def test_unclosed_tags_are_closed_and_do_not_swallow_the_page():
    html = render_markdown("<b>never closed <i>either")
    assert html.count("<b>") == html.count("</b>")
    assert html.count("<i>") == html.count("</i>")


def test_headings_above_h3_are_flattened_and_images_dropped():
    html = render_markdown("# Big\n\n![alt](https://example.org/x.png)")
    assert "<h1>" not in html
    assert "Big" in html
    assert "<img" not in html


def test_blank_detects_whitespace_and_zero_width_characters():
    assert is_blank(" \n\t\u200b\u200c\u200d\u2060\ufeff\u00ad ")
    assert not is_blank("\u200bhello")


def test_quote_header_cannot_break_out():
    """A display name full of Markdown and HTML stays inside the bold header."""
    name = "Eve**\n\n# <script>alert(1)</script> [x](javascript:alert(1))"
    html = render_markdown(quote(name, "original text\nsecond line"))
    assert live_markup_problems(html) == []
    assert "<h" not in html  # no heading escaped the quote
    assert "<a " not in html  # nor a link
    assert html.startswith("<blockquote>")
    assert "original text" in html


def test_body_hash_ignores_surrounding_whitespace():
    assert body_hash("hello\n") == body_hash("  hello")
    assert body_hash("hello") != body_hash("hello!")
