"""The timeline and pre-work pages in Chromium: axe finds no serious or critical
violation (visitors, team leaders, participants, facilitators; left to right and right
to left), and a community participant ticks an item with the keyboard."""

import re

from playwright.sync_api import expect

from home.models import User
from prework.models import PreworkTick
from tests.browser.test_accessibility import check_pages

RUNNING = "/courses/scaling-up-community-mental-health-care/"
UPCOMING = "/courses/perinatal-mental-health-in-primary-care/"
COMMUNITY = "/courses/peer-supervision-community-of-practice/"

PAGES = [
    ("/courses/", None),
    ("/ar/courses/", None),
    (UPCOMING, None),
    (f"/ar{UPCOMING}", None),
    (f"{RUNNING}teams/karachi/", "ayesha.siddiqui"),
    (f"{RUNNING}prework/", "facilitator"),
    (f"/fa{RUNNING}prework/", "facilitator"),
    (COMMUNITY, "learner"),
    (f"/ur{COMMUNITY}", "learner"),
    ("/dashboard/", "learner"),
]


def test_timeline_and_pre_work_pages_have_no_serious_violation(
    demo_site, page, signed_in_page, axe_check
):
    failures = check_pages(PAGES, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)


def test_a_participant_ticks_their_pre_work_with_the_keyboard(demo_site, signed_in_page):
    learner = User.objects.get(username="learner")
    viewer = signed_in_page(learner)
    viewer.goto(COMMUNITY)
    goal = viewer.get_by_role(
        "button", name=re.compile(r"^Mark as done\W+Choose your learning goal")
    )
    goal.focus()
    viewer.keyboard.press("Enter")
    viewer.wait_for_url(f"**{COMMUNITY}")
    undo = viewer.get_by_role(
        "button", name=re.compile(r"^Mark as not done\W+Choose your learning goal")
    )
    expect(undo).to_be_visible()
    assert PreworkTick.objects.filter(
        user=learner, item__title__startswith="Choose your learning goal"
    ).exists()
