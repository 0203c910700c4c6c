"""PDSA cycles in a real browser: the demo learner logs a cycle for the Karachi team and
finds it marked on its measure's run chart, linked to the cycle. (The PDSA pages' axe
checks are in the sweep, test_accessibility.py.)"""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from home.models import User
from improvement.models import PdsaCycle
from improvement.months import add_months, month_start
from tests.browser.test_accessibility import COURSE

TEAM = f"{COURSE}teams/karachi/"
LOG = f"{TEAM}pdsa/"


def test_learner_logs_a_cycle_that_then_shows_on_its_chart(demo_site, signed_in_page):
    page = signed_in_page(User.objects.get(username="learner"))
    page.goto(TEAM)
    page.get_by_role("link", name=re.compile("The team's PDSA cycles")).click()
    expect(page).to_have_url(re.compile(f"{LOG}$"))
    expect(
        page.get_by_text("Lady health worker reads the PHQ-9 aloud in Urdu at intake")
    ).to_be_visible()

    page.get_by_role("link", name="Log a new cycle").click()
    page.get_by_label("Change idea").fill("Same-day first session for patients who screen positive")
    page.get_by_label("Objective").fill("Fewer patients lost between screening and treatment")
    page.get_by_label("Patients starting treatment").check()
    page.get_by_label("Prediction:", exact=True).fill("Five more patients start this month")
    start = add_months(month_start(timezone.localdate()), -2) + datetime.timedelta(days=4)
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("Status").select_option("running")
    page.get_by_role("button", name="Save the cycle").click()
    expect(page.get_by_text("Cycle saved: the facilitators are told.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Same-day first session for patients who screen positive"
    )

    page.goto(TEAM)
    starting = page.locator(
        "figure", has=page.locator(".run-chart__cycles", has_text="Same-day first session")
    )
    expect(starting.locator(".run-chart__cycle")).to_have_count(1)
    expect(starting.locator(".run-chart__cycle title")).to_have_text(
        ["Same-day first session for patients who screen positive"]
    )
    starting.get_by_role(
        "link", name="Same-day first session for patients who screen positive"
    ).click()
    cycle = PdsaCycle.objects.get(change_idea__startswith="Same-day first session")
    expect(page).to_have_url(re.compile(f"{LOG}{cycle.pk}/$"))
