"""With JavaScript, the confirmation pages of actions that are hard to undo open as a
modal dialog over the page (js/confirm-dialog.js); without it they stay pages of their
own (their tests are in tests/courses and tests/forums). The dialog is named by its
heading, starts on Cancel (or on the field to fill in), closes with Escape and gives
the focus back to the link; what it submits is the confirmation page's own form."""

import re

from playwright.sync_api import expect

from courses.models import Enrolment
from forums.models import Post
from home.models import User
from tests.browser.test_accessibility import COURSE, course_topic

COURSE_SLUG = "scaling-up-community-mental-health-care"


def test_withdrawing_asks_in_a_dialog_that_the_keyboard_can_cancel(
    demo_site, signed_in_page, axe_check
):
    learner = User.objects.get(username="learner")
    page = signed_in_page(learner)
    page.goto(COURSE)
    link = page.get_by_role("link", name="Withdraw from the course")
    link.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=re.compile(r"^Withdraw from Scaling up"))
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("link", name="Cancel")).to_be_focused()
    expect(page).to_have_url(re.compile(f"{COURSE}$"))  # still the course page
    axe_check(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(link).to_be_focused()
    assert Enrolment.objects.get(user=learner, course__slug=COURSE_SLUG).is_member

    link.click()
    dialog.get_by_role("link", name="Cancel").click()
    expect(dialog).to_have_count(0)
    link.click()
    dialog.get_by_role("button", name="Withdraw from the course").click()
    expect(page.locator(".message--success")).to_contain_text("You have withdrawn")
    expect(page).to_have_url(re.compile(f"{COURSE}$"))
    assert not Enrolment.objects.get(user=learner, course__slug=COURSE_SLUG).is_member


def test_a_moderator_hides_a_post_from_a_dialog_with_a_reason(demo_site, signed_in_page):
    page = signed_in_page(User.objects.get(username="facilitator"))
    page.goto(course_topic())  # the course forum, which the course's facilitators moderate
    post = Post.objects.filter(topic__title__startswith="Introductions", hidden=False).last()
    page.locator(f"#post-{post.position}").get_by_role("link", name="Hide").click()
    dialog = page.get_by_role("dialog", name="Hide this post?")
    reason = dialog.get_by_label("Why is this post hidden?")
    expect(reason).to_be_focused()
    reason.fill("Names a client; please post again without the name.")
    dialog.get_by_role("button", name="Hide the post").click()
    expect(page.locator(".message--success")).to_contain_text("The post is hidden")
    post.refresh_from_db()
    assert post.hidden
