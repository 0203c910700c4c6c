"""The course outline beside course, module, workshop and follow-up pages: each item
with its state for the reader, the current one marked, previous and next links, and
"Mark complete and continue"; careful actions ask before they act."""

import re
from datetime import timedelta

from django.utils import timezone

from courses.models import Enrolment, FollowUpPage, ModuleCompletion, WorkshopPage
from tests.courses.test_queries import build, queries_for
from tests.factories import UserFactory

COURSE = "/courses/mh-care/"


def outline_of(html):
    match = re.search(r'<details class="outline".*?</details>', html, re.S)
    assert match, "no outline"
    return match.group(0)


def items(outline):
    """[(classes, title)] of the outline's items, in order."""
    return re.findall(
        r'<li class="outline__item ([^"]*)">.*?<a href="[^"]*"[^>]*>([^<]*)</a>', outline, re.S
    )


def test_the_outline_gives_each_item_its_state_and_marks_the_current_one(
    client, participant, modules
):
    ModuleCompletion.objects.create(user=participant, module=modules[0])
    client.force_login(participant)
    outline = outline_of(client.get(modules[1].url).content.decode())
    assert items(outline) == [
        ("outline__item--done", "Module 1"),
        ("outline__item--upcoming is-current", "Module 2"),
        ("outline__item--locked", "Module 3"),
        ("outline__item--upcoming", "Workshop 1"),
    ]
    assert f'href="{modules[1].url}" aria-current="page"' in outline
    assert "First complete: <bdi>Module 2</bdi>" in outline  # why module 3 is locked
    assert '<nav aria-label="Course outline">' in outline


def test_course_workshop_and_follow_up_pages_show_the_outline_too(client, participant, course):
    workshop = WorkshopPage.objects.child_of(course).get()
    follow_up = workshop.add_child(instance=FollowUpPage(title="After workshop 1", slug="after"))
    client.force_login(participant)
    assert 'aria-current="page"' in outline_of(client.get(COURSE).content.decode())
    for url in (workshop.url, follow_up.url):
        outline = outline_of(client.get(url).content.decode())
        assert ("outline__item--upcoming is-current", "Workshop 1") in items(outline)


def test_a_past_workshop_is_over_and_its_page_does_not_link_to_itself(client, participant, course):
    workshop = WorkshopPage.objects.child_of(course).get()
    workshop.starts_at = timezone.now() - timedelta(days=3)
    workshop.ends_at = timezone.now() - timedelta(days=1)
    workshop.save_revision().publish()
    client.force_login(participant)
    html = client.get(workshop.url).content.decode()
    session = re.search(r'<p class="session">.*?</p>', html, re.S).group(0)
    assert "This workshop is over" in session and "<a href" not in session.split("<time")[0]
    assert ("outline__item--past is-current", "Workshop 1") in items(outline_of(html))
    assert "badge--past" in client.get(COURSE).content.decode()  # its card on the course page


def test_a_module_not_done_offers_mark_complete_and_continue(client, participant, modules):
    client.force_login(participant)
    html = client.get(modules[0].url).content.decode()
    pager = re.search(r'<nav class="pager".*?</nav>', html, re.S).group(0)
    assert "Mark complete and continue" in pager
    assert f'<input type="hidden" name="next" value="{modules[1].url}">' in pager
    assert 'rel="prev"' not in pager  # the first item has no previous one
    response = client.post(COURSE + "complete/", {"module": modules[0].pk, "next": modules[1].url})
    assert response["Location"] == modules[1].url
    assert ModuleCompletion.objects.filter(user=participant, module=modules[0]).exists()
    pager = re.search(
        r'<nav class="pager".*?</nav>', client.get(modules[1].url).content.decode(), re.S
    ).group(0)
    assert f'rel="prev" href="{modules[0].url}"' in pager


def test_visitors_get_the_pager_without_the_completion_form(client, modules):
    html = client.get(modules[0].url).content.decode()
    assert 'rel="next"' in html and "Mark complete and continue" not in html


def test_the_course_page_lists_modules_as_cards_with_state_duration_and_kind(
    client, participant, modules
):
    modules[0].estimated_minutes = 45
    modules[0].save_revision().publish()
    ModuleCompletion.objects.create(user=participant, module=modules[0])
    client.force_login(participant)
    html = client.get(COURSE).content.decode()
    cards = re.findall(r'<li class="module-card module-card--(\w+)">(.*?)</li>', html, re.S)
    assert [state for state, _ in cards] == ["done", "upcoming", "locked", "upcoming"]
    assert "Module · <bdi>45</bdi> min" in re.sub(r"<svg.*?</svg> ", "", cards[0][1], flags=re.S)
    assert "Complete" in cards[0][1] and "Locked" in cards[2][1]


def test_continue_is_the_main_action_and_withdrawal_a_quiet_one(client, participant, course):
    client.force_login(participant)
    html = client.get(COURSE).content.decode()
    assert 'class="button" href="/courses/mh-care/module-1/">Continue: ' in html
    withdraw = f'<a class="button button--quiet" href="{COURSE}withdraw/" data-confirm>'
    assert f"{withdraw}Withdraw from the course</a>" in html


def test_withdrawing_asks_first_and_works_without_javascript(client, participant, course):
    client.force_login(participant)
    response = client.get(COURSE + "withdraw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdraw from Course mh-care?" in html and 'name="csrfmiddlewaretoken"' in html
    assert f'href="{COURSE}" data-confirm-cancel>Cancel</a>' in html
    assert "no-store" in response["Cache-Control"]
    assert Enrolment.objects.get(user=participant).is_member  # asking changes nothing
    assert client.post(COURSE + "withdraw/").status_code == 302
    assert not Enrolment.objects.get(user=participant).is_member


def test_a_non_member_asked_to_withdraw_is_sent_back(client, stranger, course):
    client.force_login(stranger)
    response = client.get(COURSE + "withdraw/")
    assert response.status_code == 302 and response["Location"] == COURSE


def test_a_new_calendar_address_is_confirmed_first(client, participant):
    client.force_login(participant)
    dashboard = client.get("/dashboard/").content.decode()
    assert '<a href="/dashboard/calendar/reset/" data-confirm>Make a new address' in dashboard
    old = re.search(r'class="calendar-url">([^<]+)<', dashboard).group(1)
    assert client.get("/dashboard/calendar/reset/").status_code == 200
    assert old in client.get("/dashboard/").content.decode()  # unchanged by asking
    client.post("/dashboard/calendar/reset/")
    assert old not in client.get("/dashboard/").content.decode()


def test_outline_queries_do_not_grow_on_workshop_and_follow_up_pages(client, course_index):
    counts = []
    for slug, modules, workshops in (("small", 6, 2), ("large", 60, 20)):
        learner = UserFactory(username=f"{slug}-learner")
        course = build(course_index, slug, modules, workshops, learner, 2)
        workshop = WorkshopPage.objects.child_of(course).order_by("path").first()
        follow_up = workshop.add_child(instance=FollowUpPage(title="After", slug="after"))
        client.force_login(learner)
        counts.append((queries_for(client, workshop.url), queries_for(client, follow_up.url)))
    assert counts[0] == counts[1]
