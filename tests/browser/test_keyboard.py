"""The site works from the keyboard alone, and shows where the focus is."""

import re

from playwright.sync_api import expect

from core.demo import DEMO_PASSWORD

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


def tab_to(page, target, limit=40):
    """Press Tab until `target` has the focus (it may have it already, e.g. autofocus)."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{limit} presses of Tab never reached {target}")


def test_learner_signs_in_with_the_keyboard_alone(page, demo_site):
    page.goto("/")
    tab_to(page, page.get_by_role("link", name="Sign in"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))

    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("learner")
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(DEMO_PASSWORD)
    submit = page.get_by_role("button", name="Sign in")
    tab_to(page, submit)
    style = page.evaluate(FOCUS_STYLE)
    assert style["focusVisible"], style
    assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, style
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Bilal Ahmed")
