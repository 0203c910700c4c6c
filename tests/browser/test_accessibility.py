"""axe-core finds no serious or critical violation on the site's main pages.

Add a page with one line in PAGES: its path (or a function that finds it) and the demo
account that views it (None for a visitor). The pages are those of the demo collaborative
(`load_demo`), loaded once for all of them: the test reports every failing page, not just
the first.
"""

import pytest

from forums.models import Topic
from home.models import User

COURSE = "/courses/scaling-up-community-mental-health-care/"
WORKSHOP = f"{COURSE}workshop-1-amman/"
FORUM = "/forums/barriers-and-solutions/"


def demo_topic():
    """The demo topic's address (its id depends on what the database held before)."""
    topic = Topic.objects.get(title="Getting supervisors to protect time for supervision")
    return topic.get_absolute_url()


def demo_question():
    """The answered question, with reactions and mentions."""
    return Topic.objects.get(title__startswith="Which edition of the").get_absolute_url()


PAGES = [
    ("/", None),
    ("/about/", None),
    ("/accounts/login/", None),
    ("/accounts/signup/", None),
    ("/accounts/signup/done/", None),
    ("/accounts/profile/", "learner"),
    ("/dashboard/", "learner"),
    (COURSE, None),
    (f"{COURSE}what-task-sharing-means/", None),
    (WORKSHOP, None),
    (f"{WORKSHOP}follow-up/", None),
    ("/library/", None),
    ("/library/?tag=task-sharing&tag=supervision&type=toolkit", None),
    ("/library/task-sharing-toolkit-for-district-mental-health-teams/", None),
    ("/library/video-a-supervision-session-role-played/", None),
    ("/forums/", None),
    (FORUM, None),
    (demo_topic, None),
    # Signed in: the reply form, the unread marks and the member's actions.
    (demo_topic, "learner"),
    (COURSE, "learner"),
    # The team's data entry: one month, and past months at once.
    (f"{COURSE}teams/karachi/data/", "learner"),
    (f"{COURSE}teams/karachi/data/baseline/", "learner"),
    # Reaction buttons, the accepted answer, the notification centre and email choices.
    (demo_question, "facilitator"),
    ("/notifications/", "facilitator"),
    ("/ar/notifications/", "facilitator"),
    ("/forums/preferences/", "learner"),
    # Arabic: right to left, translated pages and the English fallback.
    ("/ar/", None),
    (f"/ar{COURSE}", None),
    (f"/ar{COURSE}what-task-sharing-means/", None),
    ("/ar/library/", None),
    (f"/ar{WORKSHOP}", None),
    # Farsi and Urdu: untranslated pages marked English; Urdu's own font and line height.
    (f"/fa{COURSE}", None),
    (f"/fa{WORKSHOP}", None),
    (f"/ur{COURSE}", None),
    (f"/ur{COURSE}what-task-sharing-means/", None),
    (f"/ur{WORKSHOP}", None),
    ("/ur/accounts/signup/", None),
]


def check_pages(pages, axe_check, page, signed_in_page):
    """Every page's failures (status or serious violations), with who viewed it."""
    viewers = {None: page}
    failures = []
    for path, username in pages:
        path = path() if callable(path) else path
        if username not in viewers:
            viewers[username] = signed_in_page(User.objects.get(username=username))
        viewer = viewers[username]
        response = viewer.goto(path)
        if response.status != 200:
            failures.append(f"{path} answered {response.status}")
            continue
        try:
            axe_check(viewer)
        except AssertionError as failure:
            failures.append(f"{failure} (viewed by {username or 'a visitor'})")
    return failures


def test_main_pages_have_no_serious_accessibility_violation(
    demo_site, page, signed_in_page, axe_check
):
    failures = check_pages(PAGES, axe_check, page, signed_in_page)
    assert not failures, "\n\n".join(failures)


def test_axe_check_fails_on_a_serious_violation(page, axe_check):
    """The check is live: an image without alt text and a nameless button fail it."""
    page.set_content('<html lang="en"><body><main><img src="x.png"><button></button></main>')
    with pytest.raises(AssertionError, match="image-alt") as failure:
        axe_check(page)
    assert "button-name" in str(failure.value)
