"""axe-core finds no serious or critical violation on the assessment scale's and the
storyboards' pages (issue 16), seen by the demo's team member and facilitator, in
English and Arabic."""

from tests.browser.test_accessibility import COURSE, WORKSHOP, check_pages

PAGES = [
    # The team page with both ratings and the gap; the rating form; the collaborative's.
    (f"{COURSE}teams/kasr-al-ainy/", "facilitator"),
    (f"{COURSE}teams/karachi/assessment/", "learner"),
    (f"{COURSE}assessment/", "facilitator"),
    # The gallery with previews, comments and featuring; a team's upload form.
    (f"{WORKSHOP}storyboards/", "learner"),
    (f"{WORKSHOP}storyboards/", "facilitator"),
    (f"{WORKSHOP}storyboards/upload/", "learner"),
    (f"/ar{COURSE}teams/karachi/assessment/", "learner"),
    (f"/ar{WORKSHOP}storyboards/", "learner"),
]


def test_assessment_and_storyboard_pages_have_no_serious_violation(
    demo_site, page, signed_in_page, axe_check
):
    failures = check_pages(PAGES, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)
