"""The site works from the keyboard alone, and shows where the focus is."""

import re

from playwright.sync_api import expect

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {focusVisible: el.matches(':focus-visible'), outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth)};
}"""


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, home_page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))
    expect(page.locator("main#main-content")).to_be_focused()


def test_keyboard_focus_is_visible_on_links(page, home_page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("header a").first).to_be_focused()
    style = page.evaluate(FOCUS_STYLE)
    assert style["focusVisible"], style
    assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, style
