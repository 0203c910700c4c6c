"""The demo learner, a data contact of the Karachi team, enters last month's data in a
real browser and sees it on the team page."""

import re

from playwright.sync_api import expect

from core.demo import DEMO_PASSWORD
from tests.browser.test_journeys import COURSE, sign_in

TEAM = f"{COURSE}teams/karachi/"


def test_learner_enters_last_months_data_and_sees_it_on_the_team_page(page, demo_site):
    page.goto(f"/accounts/login/?next={TEAM}")
    sign_in(page, "learner", DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(f"{TEAM}$"))
    expect(page.get_by_text(re.compile(r"Data for .*: Late|Data for .*: Missing"))).to_be_visible()

    page.get_by_role("link", name="Enter this month's data").click()
    expect(page).to_have_url(re.compile(rf"{TEAM}data/$"))
    page.get_by_label("Patients screened with the PHQ-9").fill("36")
    page.get_by_label("Eligible patients seen").fill("40")
    page.get_by_label("Lay counsellors supervised").fill("11")
    page.get_by_label("Lay counsellors seeing patients").fill("12")
    page.get_by_label("Patients starting treatment").fill("26")
    page.get_by_role("button", name="Save this month").click()
    expect(page.get_by_text("Saved: 3 values changed.")).to_be_visible()

    page.get_by_role("link", name="Back to Karachi").click()
    expect(page).to_have_url(re.compile(f"{TEAM}$"))
    expect(page.get_by_text(re.compile(r"Data for .*: Submitted"))).to_be_visible()
    screening = page.get_by_role("table", name="Eligible patients screened")
    expect(screening.get_by_role("cell", name="90.0", exact=True)).to_be_visible()
    changes = page.get_by_role("table", name="Changes to the data")
    expect(changes.get_by_role("cell", name="36 / 40", exact=True)).to_be_visible()
