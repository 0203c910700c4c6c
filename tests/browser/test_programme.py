"""A community participant ticks a pre-work item with the keyboard. (The timeline and
pre-work pages' axe checks are in the sweep, test_accessibility.py.)"""

import re

from playwright.sync_api import expect

from home.models import User
from prework.models import PreworkTick

COMMUNITY = "/courses/peer-supervision-community-of-practice/"


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
