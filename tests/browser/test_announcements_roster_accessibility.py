"""axe-core finds no serious or critical violation on the announcements' and the
roster's pages of the demo, in English and right to left."""

from roster.models import RosterEntry
from tests.browser.test_accessibility import check_pages


def contact_form():
    return f"/roster/{RosterEntry.objects.order_by('name').first().pk}/contact/"


PAGES = [
    ("/announcements/", None),
    ("/announcements/applications-open-for-the-2027-cohort/", None),
    ("/announcements/subscribe/", None),
    ("/ar/announcements/", None),
    ("/roster/", None),
    ("/roster/?country=Egypt&language=ar", None),
    (contact_form, None),
    ("/roster/join/", "nour.elsayed"),
    ("/ar/roster/", None),
    ("/ur/roster/", "nour.elsayed"),
]


def test_announcement_and_roster_pages_have_no_serious_accessibility_violation(
    demo_site, page, signed_in_page, axe_check
):
    failures = check_pages(PAGES, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)
