"""axe-core finds no serious or critical violation on the pages of calls: the list, a
held and a coming informational call, a consultation series and one of its dates, and
the hours report, as participants and facilitators, left to right and right to left."""

from calls.models import CaseOffer, ConsultationSeries, InformationalCall
from tests.browser.test_accessibility import check_pages

PERINATAL = "/courses/perinatal-mental-health-in-primary-care/"
COURSE = "/courses/scaling-up-community-mental-health-care/"


def call_url(index):
    def url():
        return f"{PERINATAL}calls/{InformationalCall.objects.order_by('starts_at')[index].pk}/"

    return url


def series_url():
    return f"{COURSE}consultations/{ConsultationSeries.objects.get().pk}/"


def offers_url(prefix=""):
    def url():
        offer = CaseOffer.objects.first()
        return f"{prefix}{series_url()}{offer.date.isoformat()}/"

    return url


PAGES = [
    (f"{PERINATAL}calls/", "learner"),
    (call_url(0), None),
    (call_url(0), "facilitator"),
    (call_url(1), "learner"),
    (call_url(1), "facilitator"),
    (series_url, "learner"),
    (offers_url(), "learner"),
    (offers_url(), "facilitator"),
    (offers_url("/ar"), "facilitator"),
    (f"{COURSE}hours/", "facilitator"),
    (f"/ur{COURSE}hours/", "learner"),
]


def test_call_pages_have_no_serious_accessibility_violation(
    demo_site, page, signed_in_page, axe_check
):
    failures = check_pages(PAGES, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)
