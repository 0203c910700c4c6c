"""Right-to-left pages mirror what points somewhere: the breadcrumb separator points from
a crumb to the deeper one, "›" in English and "‹" in Arabic, as the browser draws it
(the CSS picks the glyph with :dir(); the bidi algorithm must not mirror it back)."""

from playwright.sync_api import expect

from forums.choices import Scope
from forums.models import Forum

SEPARATOR = "li => getComputedStyle(li, '::before').content"
DRAWN_DIRECTION = "li => getComputedStyle(li, '::before').direction"


def test_the_breadcrumb_separator_points_to_the_deeper_crumb_in_both_directions(page):
    Forum.objects.create(
        name="Barriers and solutions", slug="barriers", scope=Scope.PUBLIC, position=1
    )
    for path, glyph in (("/forums/barriers/", "›"), ("/ar/forums/barriers/", "‹")):
        page.goto(path)
        crumbs = page.locator("nav.breadcrumb li")  # its name is translated
        expect(crumbs).to_have_count(2)
        assert crumbs.nth(0).evaluate(SEPARATOR) == "none"
        assert crumbs.nth(1).evaluate(SEPARATOR).startswith(f'"{glyph}"'), path
        assert crumbs.nth(1).evaluate(DRAWN_DIRECTION) == "ltr"  # never mirrored again
