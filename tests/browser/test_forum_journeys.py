"""A question asked in the course forum, through the pages a participant and a
facilitator really use: mention, notification, answer, accepted answer."""

from playwright.sync_api import expect

from forums.models import Forum
from home.models import User


def test_participant_mentions_facilitator_who_answers_and_marks_the_answer(
    demo_site, signed_in_page
):
    forum = Forum.objects.get(scope="page")
    learner = signed_in_page(User.objects.get(username="learner"))
    learner.goto(f"{forum.get_absolute_url()}new/")
    learner.get_by_label("Title").fill("Who signs the supervision rota?")
    learner.get_by_label("Message").fill("@facilitator in Amman, who signed your rota?")
    learner.get_by_label("This is a question").check()
    learner.get_by_role("button", name="Start topic").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Who signs the supervision rota?")

    facilitator = signed_in_page(User.objects.get(username="facilitator"))
    facilitator.goto("/")
    header = facilitator.get_by_role("navigation", name="Main")
    expect(header.locator(".nav-count")).to_be_visible()
    header.get_by_role("link", name="Notifications").click()
    facilitator.get_by_role("link", name="mentioned you in Who signs the supervision rota?").click()

    facilitator.get_by_label("Message").fill("Our district manager signed it, every quarter.")
    facilitator.get_by_role("button", name="Post reply").click()
    reply = facilitator.locator(".post").filter(has_text="every quarter").last
    reply.get_by_role("button", name="Mark as the answer").click()

    answer = facilitator.get_by_role("region", name="Accepted answer, by Dr Samira Haddad")
    expect(answer).to_contain_text("Our district manager signed it")
    learner.reload()
    expect(learner.locator(".forum-answer")).to_contain_text("every quarter")
