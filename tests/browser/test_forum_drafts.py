"""A reply left half-written is kept on the server: it is there after a reload and in
another browser of the same person. (The forum pages' axe checks are in the sweep,
test_accessibility.py.)"""

from playwright.sync_api import expect

from forums.models import Topic
from home.models import User


def test_a_draft_reply_survives_a_reload_and_another_browser(demo_site, signed_in_page):
    learner = User.objects.get(username="learner")
    topic = Topic.objects.get(title="Getting supervisors to protect time for supervision")
    page = signed_in_page(learner)
    page.goto(topic.get_absolute_url())
    reply = page.locator("#reply")
    reply.get_by_label("Message").fill("Half a thought about the rota: ask the manager to")
    reply.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    page.reload()
    expect(page.locator("#reply").get_by_label("Message")).to_have_value(
        "Half a thought about the rota: ask the manager to"
    )
    elsewhere = signed_in_page(learner)  # another device: a new browser context
    elsewhere.goto(topic.get_absolute_url())
    box = elsewhere.locator("#reply").get_by_label("Message")
    expect(box).to_have_value("Half a thought about the rota: ask the manager to")
    box.fill("Ask the manager to sign the supervision rota each quarter.")
    elsewhere.locator("#reply").get_by_role("button", name="Post reply").click()
    expect(elsewhere.locator(".post").last).to_contain_text("sign the supervision rota")
    page.reload()
    expect(page.locator("#reply").get_by_label("Message")).to_have_value("")
