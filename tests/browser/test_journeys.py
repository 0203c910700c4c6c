"""What visitors, participants and editors do, in a real browser."""

import re

from playwright.sync_api import expect

from core.demo import DEMO_PASSWORD
from home.models import StandardPage, User
from tests.factories import TEST_PASSWORD


def test_visitor_reads_the_home_page_and_follows_it_to_about(page, demo_site):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Scaling up community mental health care, together"
    )
    page.get_by_role("link", name="About the collaborative").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("About the collaborative")
    expect(page.get_by_role("heading", name="How the year runs")).to_be_visible()


def sign_in(page, username, password):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_new_user_signs_up_confirms_edits_profile_signs_out_and_in_again(
    page, home_page, mailoutbox
):
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label("Display name").fill("Amina Yusuf")
    page.get_by_label("Organisation").fill("Cairo Family Health Unit")
    page.get_by_label("Country").fill("Egypt")
    page.get_by_label("Password:", exact=True).fill(TEST_PASSWORD)
    page.get_by_label("Password confirmation").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # The account waits for the emailed link, opened in the browser and confirmed.
    expect(page).to_have_url(re.compile(r"/accounts/signup/done/$"))
    (message,) = mailoutbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm/\S+/)", message.body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    sign_in(page, "amina", TEST_PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Amina Yusuf")

    page.get_by_role("link", name="Edit your profile").click()
    page.get_by_label("Organisation").fill("Giza Primary Care Unit")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    assert User.objects.get(username="amina").organisation == "Giza Primary Care Unit"

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.get_by_role("link", name="Sign in").click()
    sign_in(page, "amina", TEST_PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Amina Yusuf")


def test_wrong_password_keeps_the_visitor_on_the_sign_in_form(page, user):
    page.goto("/accounts/login/")
    sign_in(page, user.username, "not-the-password")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    # In the error summary at the top of the form, which takes the focus.
    summary = page.locator(".error-summary")
    expect(summary.get_by_text("Please enter a correct username and password")).to_be_visible()
    expect(summary).to_be_focused()


def test_editor_creates_and_publishes_a_page_in_the_admin(page, home_page, editor):
    page.goto("/admin/")
    sign_in(page, editor.username, TEST_PASSWORD)
    page.goto(f"/admin/pages/add/home/standardpage/{home_page.pk}/")
    page.locator("#id_title").fill("Our teams")
    page.locator("#id_intro").fill("Who takes part this year.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Page 'Our teams' created and published.")).to_be_visible()

    published = StandardPage.objects.get(slug="our-teams")
    assert published.live
    assert published.get_parent().specific == home_page
    page.goto("/our-teams/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our teams")


# The demo collaborative (`demo_site`): its course, forum, library and translations.
COURSE = "/courses/scaling-up-community-mental-health-care/"


def test_learner_continues_the_course_and_marks_the_next_module_complete(page, demo_site):
    page.goto(f"/accounts/login/?next={COURSE}")
    sign_in(page, "learner", DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(f"{COURSE}$"))
    progress = page.locator("progress")
    expect(progress).to_have_count(1)
    done = int(progress.get_attribute("value"))

    page.get_by_role("link", name=re.compile(r"^Continue: ")).click()
    expect(page).to_have_url(re.compile(f"{COURSE}[-a-z]+/$"))
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_role("button", name="Mark as not done")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", str(done + 1))

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link").last.click()
    expect(page.locator("progress")).to_have_attribute("value", str(done + 1))


def test_learner_replies_in_the_forum_with_markdown(page, demo_site):
    page.goto("/accounts/login/?next=/forums/barriers-and-solutions/")
    sign_in(page, "learner", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Barriers and solutions")
    page.get_by_role("link", name="Getting supervisors to protect time for supervision").click()
    page.get_by_label("Message").fill(
        "The **signed rota** worked: see [the toolkit](https://example.org/toolkit)."
    )
    page.get_by_role("button", name="Post reply").click()

    reply = page.locator(".post").filter(has_text="worked: see").last
    expect(reply.locator("strong")).to_have_text("signed rota")
    link = reply.get_by_role("link", name="the toolkit")
    expect(link).to_have_attribute("href", "https://example.org/toolkit")
    expect(link).to_have_attribute("rel", re.compile(r"\bnofollow\b"))
    expect(reply).not_to_contain_text("**")


def test_visitor_filters_the_library_by_two_tags_and_a_type(page, demo_site):
    page.goto("/library/")
    tags = page.get_by_role("navigation", name="Tags")
    tags.get_by_role("link", name="task-sharing", exact=True).click()
    expect(page).to_have_url(re.compile(r"tag=task-sharing"))
    page.get_by_role("navigation", name="Narrow by tag").get_by_role(
        "link", name="supervision", exact=True
    ).click()
    page.get_by_label("Type").select_option("toolkit")
    page.get_by_role("button", name="Apply").click()

    chips = page.get_by_role("navigation", name="Filters in use")
    for chip in ("Tag: task-sharing", "Tag: supervision", "Type: Toolkit"):
        expect(chips.get_by_role("link", name=chip)).to_be_visible()
    results = page.locator(".library-list")
    expect(results).to_contain_text("Task-sharing toolkit for district mental health teams")
    expect(results).not_to_contain_text("mhGAP Intervention Guide")  # task-sharing only
    expect(results).not_to_contain_text("Fidelity checklist")  # supervision only
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\s*1 resource\s*$"))


def test_visitor_switches_a_module_page_to_arabic(page, demo_site):
    page.goto(f"{COURSE}what-task-sharing-means/")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name=re.compile(r"^العربيّ?ة$")).click()  # Django's name_local
    expect(page).to_have_url(re.compile(f"/ar{COURSE}what-task-sharing-means/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("heading", level=1)).to_have_text("ما معنى تقاسم المهام")
