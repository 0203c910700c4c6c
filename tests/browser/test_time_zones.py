"""Times in the reader's zone, in a real browser: the learner's chosen zone on the Arabic
course page, the browser's zone for visitors (the enhancement script) and at sign-up,
and Urdu's line height kept off English text."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import expect

from courses.models import WorkshopPage
from home.models import User
from tests.browser.test_accessibility import COURSE, WORKSHOP

KARACHI = ZoneInfo("Asia/Karachi")


def next_workshop():
    upcoming = WorkshopPage.objects.live().filter(
        locale__language_code="en", ends_at__gte=timezone.now()
    )
    return upcoming.order_by("starts_at").first()


def test_a_learner_in_karachi_sees_the_whole_arabic_course_and_the_next_session_in_karachi_time(
    demo_site, signed_in_page
):
    learner = User.objects.get(username="learner")
    learner.time_zone = "Asia/Karachi"
    learner.preferred_language = "ar"
    learner.save()
    page = signed_in_page(learner)
    page.goto(f"/ar{COURSE}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".module-card")).to_have_count(9)
    session = page.locator('section[aria-labelledby="next-session-heading"] .session')
    starts = next_workshop().starts_at.astimezone(KARACHI)
    expect(session.locator("time").first).to_contain_text(starts.strftime("%H:%M"))
    expect(session).to_contain_text("Asia/Karachi")


def test_a_visitor_sees_the_workshop_in_the_browsers_zone_and_the_venues_without_script(
    demo_site, new_context
):
    workshop = WorkshopPage.objects.get(locale__language_code="en", slug="workshop-1-amman")
    venue = workshop.starts_at.astimezone(workshop.zone).strftime("%H:%M")
    local = workshop.starts_at.astimezone(KARACHI).strftime("%H:%M")

    page = new_context(timezone_id="Asia/Karachi").new_page()
    page.goto(WORKSHOP)
    header = page.locator(".session").first
    expect(header.locator("time").first).to_contain_text(local)
    expect(header).to_contain_text("Asia/Karachi")
    expect(page.locator("p.session__zone")).to_contain_text("Asia/Karachi")

    plain = new_context(timezone_id="Asia/Karachi", java_script_enabled=False).new_page()
    plain.goto(WORKSHOP)
    expect(plain.locator(".session").first.locator("time").first).to_contain_text(venue)
    expect(plain.locator(".session").first).to_contain_text(str(workshop.zone))


def test_sign_up_takes_the_browsers_zone(new_context, home_page):
    page = new_context(timezone_id="Africa/Cairo").new_page()
    page.goto("/accounts/signup/")
    expect(page.locator("input[name=time_zone]")).to_have_value("Africa/Cairo")


def line_height_ratio(locator):
    line, size = locator.evaluate(
        "e => [getComputedStyle(e).lineHeight, getComputedStyle(e).fontSize]"
    )
    return float(line.removesuffix("px")) / float(size.removesuffix("px"))


def test_urdu_line_height_is_only_on_urdu_text(demo_site, page):
    """The course has no Urdu translation: its English introduction keeps the Latin line
    height, while the Urdu notice around it gets Urdu's taller one."""
    page.goto(f"/ur{COURSE}")
    assert line_height_ratio(page.locator('main p.lead[lang="en"]')) < 1.7
    assert line_height_ratio(page.locator("main p.notice")) >= 1.9
