"""The demo facilitator reads the collaborative's run charts in a real browser: the small
multiples and the signals at <course>/measures/, then a team's chart; on a 360 px phone
nothing overflows sideways. (Their axe checks are in the sweep, test_accessibility.py.)"""

import re

from playwright.sync_api import expect

from home.models import User
from tests.browser.test_accessibility import COURSE

MEASURES = f"{COURSE}measures/"
TEAM = f"{COURSE}teams/karachi/"


def test_facilitator_reads_the_signals_and_a_team_chart(demo_site, signed_in_page):
    page = signed_in_page(User.objects.get(username="facilitator"))
    page.goto(MEASURES)
    screening = page.locator(
        "section", has=page.get_by_role("heading", name="Eligible patients screened")
    )
    expect(screening.locator(".small-multiples svg[role=img]")).to_have_count(5)
    expect(screening.locator(".improving")).to_contain_text(re.compile(r"\d of 5 teams show"))
    karachi = screening.locator(".small-multiples li", has_text="Karachi")
    expect(karachi).to_contain_text("Shift:")
    expect(screening.locator(".small-multiples li", has_text="Kasr")).to_contain_text("Trend:")
    expect(screening.locator(".small-multiples li", has_text="Shiraz")).to_contain_text(
        "Too few runs"
    )
    expect(karachi.locator(".run-chart__point--shift").first).to_be_visible()

    page.goto(TEAM)
    chart = page.get_by_role(
        "img", name=re.compile(r"^Shift: \d+ months above the baseline median")
    )
    expect(chart).to_be_visible()
    expect(page.locator(".run-chart__workshop").first).to_be_attached()


def test_charts_fit_a_phone(demo_site, signed_in_page):
    page = signed_in_page(User.objects.get(username="facilitator"))
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (MEASURES, TEAM, f"/ar{TEAM}"):
        page.goto(path)
        width = page.evaluate(
            "document.querySelector('svg[role=img]').getBoundingClientRect().width"
        )
        assert 0 < width <= 360
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
