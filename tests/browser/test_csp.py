"""Finding 13 (CSP): Chromium enforces the site's Content-Security-Policy; nothing on the
pages a visitor and a participant use is blocked by it."""

from playwright.sync_api import expect

from home.models import User

COURSE = "/courses/scaling-up-community-mental-health-care/"
PAGES = ["/", "/about/", COURSE, f"{COURSE}supervision/", "/library/", "/forums/", "/ar/"]


def test_nothing_on_the_main_pages_is_blocked(demo_site, page, signed_in_page, csp_violations):
    learner = signed_in_page(User.objects.get(username="learner"))
    blocked = {}
    for viewer in (page, learner):
        blocked[viewer] = csp_violations(viewer)
        for path in [*PAGES, "/dashboard/"] if viewer is learner else PAGES:
            assert viewer.goto(path).status == 200, path
            viewer.wait_for_load_state("load")
    assert blocked[page] == [] and blocked[learner] == []


def test_an_inline_script_is_blocked_and_reported(home_page, page, csp_violations):
    """The listener above can fail: an injected inline script does not run."""
    blocked = csp_violations(page)
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "document.body.dataset.ran = 'yes'";
            document.body.append(script);
        }"""
    )
    expect(page.locator("body")).not_to_have_attribute("data-ran", "yes")
    assert any("script-src" in text for text in blocked)
