"""The accessibility sweep: every kind of page of the demo collaborative (`load_demo`),
at 360 px and at 1280 px, in English, Arabic, Farsi and Urdu, has no serious or
critical axe-core violation, and on a phone nothing scrolls sideways.

Add a page with one line in PAGES: its unprefixed path (or a function that finds it,
called once the demo is loaded) and the demo account that views it (None for a
visitor). The sweep visits it under /, /ar/, /fa/ and /ur/ at both widths: one browser,
one context per width, the pages of one viewer in a row. It reports every failing page,
not just the first.
"""

import pytest

from applications.models import Application
from calls.models import CaseOffer, ConsultationSeries, InformationalCall
from courses.models import Certificate, CoursePage
from forums.models import Forum, Post, Report, Topic
from home.models import User
from improvement.models import Measure, PdsaCycle
from roster.models import RosterEntry
from tests.browser.conftest import AXE_PATH, browse_as

COURSE = "/courses/scaling-up-community-mental-health-care/"
MODULE = f"{COURSE}what-task-sharing-means/"
WORKSHOP = f"{COURSE}workshop-1-amman/"
TEAM = f"{COURSE}teams/karachi/"
UPCOMING = "/courses/perinatal-mental-health-in-primary-care/"
COMMUNITY = "/courses/peer-supervision-community-of-practice/"
FORUM = "/forums/barriers-and-solutions/"
LANGUAGES = ("", "/ar", "/fa", "/ur")
WIDTHS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def topic(title):
    return lambda: Topic.objects.get(title__startswith=title).get_absolute_url()


def course_topic():
    """The course forum's introductions, which the sweep gives an open report."""
    return topic("Introductions: who is on your team?")()


def hide_reported_post():
    post = Report.objects.get(reason="Off topic").post
    return f"{post.topic.get_absolute_url()}posts/{post.pk}/hide/"


def course_forum():
    return Forum.objects.get(scope="page").get_absolute_url()


def own_post():
    post = Post.objects.filter(author__username="learner", hidden=False, deleted=False).first()
    return f"{post.topic.get_absolute_url()}posts/{post.pk}/delete/"


def pdsa_cycle():
    cycle = PdsaCycle.objects.get(change_idea__startswith="Receptionist hands the PHQ-9")
    return f"{TEAM}pdsa/{cycle.pk}/"


def measure_contact():
    measure = Measure.objects.get(name="Eligible patients screened")
    return f"{COURSE}measures/{measure.pk}/contact/kasr-al-ainy/"


def informational_call(index):
    return lambda: f"{UPCOMING}calls/{InformationalCall.objects.order_by('starts_at')[index].pk}/"


def consultation_series():
    return f"{COURSE}consultations/{ConsultationSeries.objects.get().pk}/"


def case_offers():
    return f"{consultation_series()}{CaseOffer.objects.first().date.isoformat()}/"


def certificate():
    return f"/certificates/{Certificate.objects.order_by('pk').first().code}/"


def application_form():
    course = CoursePage.objects.get(slug="perinatal-mental-health-in-primary-care")
    return f"/applications/apply/{course.pk}/"


def application_edit():
    return f"/applications/{Application.objects.get(applicant__username='learner').pk}/edit/"


def roster_contact():
    return f"/roster/{RosterEntry.objects.order_by('name').first().pk}/contact/"


PAGES = [
    # Site pages and accounts.
    ("/", None),
    ("/about/", None),
    ("/accounts/login/", None),
    ("/accounts/signup/", None),
    ("/accounts/signup/done/", None),
    ("/accounts/password_reset/", None),
    ("/accounts/profile/", "learner"),
    ("/dashboard/", "learner"),
    ("/dashboard/", "facilitator"),
    ("/dashboard/calendar/reset/", "learner"),
    ("/notifications/", "facilitator"),
    # Courses: the index, a running collaborative, an application-only course, a
    # learning community; module, workshop, follow-up; the confirmation to withdraw.
    ("/courses/", None),
    (COURSE, None),
    (COURSE, "learner"),
    (MODULE, None),
    (MODULE, "learner"),
    (WORKSHOP, "learner"),
    (f"{WORKSHOP}follow-up/", "learner"),
    (f"{COURSE}withdraw/", "learner"),
    (UPCOMING, None),
    (COMMUNITY, "learner"),
    (certificate, None),
    # Evaluations and attendance.
    (f"{WORKSHOP}evaluation/", "learner"),
    (f"{WORKSHOP}evaluation/results/", "facilitator"),
    (f"{WORKSHOP}attendance/", "facilitator"),
    # Library.
    ("/library/", None),
    ("/library/?tag=task-sharing&tag=supervision&type=toolkit", None),
    ("/library/task-sharing-toolkit-for-district-mental-health-teams/", None),
    ("/library/video-a-supervision-session-role-played/", None),
    # Forums: the list, a forum, topics (a reply form, reactions, an accepted answer, a
    # poll, a reported post), moderation and the author's own confirmation pages.
    ("/forums/", None),
    (FORUM, None),
    (topic("Getting supervisors to protect time"), None),
    (topic("Getting supervisors to protect time"), "learner"),
    (topic("Which edition of the"), "facilitator"),
    (lambda: f"{topic('Which edition of the')()}poll/add/", "learner"),
    (f"{FORUM}new/", "learner"),
    (own_post, "learner"),
    (course_forum, "facilitator"),
    (lambda: f"{course_forum()}reports/", "facilitator"),
    (course_topic, "learner"),
    (course_topic, "facilitator"),
    (hide_reported_post, "facilitator"),
    ("/forums/people/laleh.karimi/", "learner"),
    ("/forums/preferences/", "learner"),
    # Teams, monthly data, measures, PDSA cycles, the assessment scale, storyboards.
    (f"{COURSE}teams/", "facilitator"),
    (TEAM, "learner"),
    (TEAM, "ayesha.siddiqui"),
    (f"{COURSE}teams/kasr-al-ainy/", "facilitator"),
    (f"{TEAM}data/", "learner"),
    (f"{TEAM}data/baseline/", "learner"),
    (f"{TEAM}assessment/", "learner"),
    (f"{COURSE}assessment/", "facilitator"),
    (f"{COURSE}measures/", "facilitator"),
    (measure_contact, "learner"),
    (f"{TEAM}pdsa/", "learner"),
    (f"{TEAM}pdsa/new/", "learner"),
    (pdsa_cycle, "learner"),
    (pdsa_cycle, "facilitator"),
    (f"{COURSE}pdsa/", "facilitator"),
    (f"{COURSE}pdsa/?status=completed", "facilitator"),
    (f"{WORKSHOP}storyboards/", "learner"),
    (f"{WORKSHOP}storyboards/", "facilitator"),
    (f"{WORKSHOP}storyboards/upload/", "learner"),
    # Timeline and pre-work.
    (f"{COURSE}prework/", "facilitator"),
    # Calls: the list, a held and a coming call (registrations for the course's editor), a
    # consultation series, one of its dates, the hours report.
    (f"{UPCOMING}calls/", "learner"),
    (informational_call(0), None),
    (informational_call(0), "editor"),
    (informational_call(1), "learner"),
    (informational_call(1), "editor"),
    (consultation_series, "learner"),
    (case_offers, "facilitator"),
    (f"{COURSE}hours/", "facilitator"),
    # Applications.
    (application_form, "ayesha.siddiqui"),
    (application_edit, "learner"),
    # Announcements and the roster.
    ("/announcements/", None),
    ("/announcements/applications-open-for-the-2027-cohort/", None),
    ("/announcements/subscribe/", None),
    ("/roster/", None),
    ("/roster/?country=Egypt&language=ar", None),
    (roster_contact, None),
    ("/roster/join/", "nour.elsayed"),
]


def report_a_post():
    """An open report, so that the moderators' pages have something to show."""
    post = Topic.objects.get(title__startswith="Introductions: who is on your team?").posts
    Report.objects.create(
        post=post.filter(hidden=False).last(),
        reporter=User.objects.get(username="learner"),
        reason="Off topic",
    )


def by_viewer(pages):
    """{username: [path, …]} in PAGES' order, each path resolved once."""
    grouped = {}
    for path, username in pages:
        grouped.setdefault(username, []).append(path() if callable(path) else path)
    return grouped


def sweep(viewer, paths, axe_check, phone):
    """The failures of one viewer's pages in one context: status, redirects to another
    address (a preferred language), serious violations, sideways scrolling."""
    failures = []
    for path in paths:
        response = viewer.goto(path)
        if response.status != 200:
            failures.append(f"{path} answered {response.status}")
            continue
        if not viewer.url.endswith(path):
            failures.append(f"{path} went to {viewer.url}")
            continue
        try:
            axe_check(viewer)
        except AssertionError as failure:
            failures.append(str(failure))
        if phone and (extra := viewer.evaluate(OVERFLOW)) > 0:
            failures.append(f"{path} scrolls {extra} px sideways at 360 px")
    return failures


def test_every_kind_of_page_passes_axe_at_both_widths_in_every_language(
    demo_site, new_context, live_server, axe_check
):
    report_a_post()
    pages = by_viewer(PAGES)
    failures = []
    for width, viewport in WIDTHS.items():
        context = new_context(viewport=viewport)
        context.add_init_script(path=AXE_PATH)
        viewer = context.new_page()
        for username, paths in pages.items():
            user = username and User.objects.get(username=username)
            browse_as(context, user, live_server.url)
            prefixed = [f"{language}{path}" for language in LANGUAGES for path in paths]
            found = sweep(viewer, prefixed, axe_check, phone=width == "phone")
            failures += [f"{failure} ({width}, {username or 'a visitor'})" for failure in found]
        context.close()
    assert not failures, "\n\n".join(failures)


def test_axe_check_fails_on_a_serious_violation(page, axe_check):
    """The check is live: an image without alt text and a nameless button fail it."""
    page.set_content('<html lang="en"><body><main><img src="x.png"><button></button></main>')
    with pytest.raises(AssertionError, match="image-alt") as failure:
        axe_check(page)
    assert "button-name" in str(failure.value)
