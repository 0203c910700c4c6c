"""What visitors, participants and editors do, in a real browser."""

import re

from playwright.sync_api import expect

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


def test_new_user_signs_up_edits_profile_signs_out_and_in_again(page, home_page):
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
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()


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
