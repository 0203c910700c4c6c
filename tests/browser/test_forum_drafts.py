"""A reply left half-written is kept on the server: it is there after a reload and in
another browser of the same person. And the forum pages this branch added or changed
pass axe: the course forum's topic (guest speaker, hidden post with its reason, a poll
closed by date), hiding with a reason, the forum's reports page, adding a poll, a
person's posts and the facilitator's dashboard."""

from playwright.sync_api import expect

from forums.models import Forum, Report, Topic
from home.models import User
from tests.browser.test_accessibility import check_pages


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


def test_changed_forum_pages_have_no_serious_accessibility_violation(
    demo_site, page, signed_in_page, axe_check
):
    forum = Forum.objects.get(scope="page")
    topic = Topic.objects.get(forum=forum, title="Introductions: who is on your team?")
    post = topic.posts.filter(hidden=False).last()
    Report.objects.create(
        post=post, reporter=User.objects.get(username="learner"), reason="Off topic"
    )
    other = Topic.objects.get(title__startswith="Which edition of the")
    pages = [
        (topic.get_absolute_url(), "learner"),
        (topic.get_absolute_url(), "facilitator"),
        (f"{topic.get_absolute_url()}posts/{post.pk}/hide/", "facilitator"),
        (f"/ar{topic.get_absolute_url()}posts/{post.pk}/hide/", "facilitator"),
        (f"{forum.get_absolute_url()}reports/", "facilitator"),
        (f"/ar{forum.get_absolute_url()}reports/", "facilitator"),
        (forum.get_absolute_url(), "facilitator"),
        (f"{other.get_absolute_url()}poll/add/", "learner"),
        ("/forums/people/laleh.karimi/", "learner"),
        ("/ar/forums/people/laleh.karimi/", "learner"),
        ("/dashboard/", "facilitator"),
        ("/notifications/?page=1", "learner"),
    ]
    failures = check_pages(pages, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)
