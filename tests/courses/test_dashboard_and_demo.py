"""The dashboard's courses panel, and the demo collaborative."""

from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import HttpRequest

from courses.models import (
    CoursePage,
    Enrolment,
    FollowUpPage,
    ModuleCompletion,
    ModulePage,
    WorkshopPage,
)
from home.models import HomePage, User


def test_dashboard_shows_courses_progress_next_session_and_recent(client, participant, modules):
    client.force_login(participant)
    client.post("/courses/mh-care/complete/", {"module": modules[0].pk})
    html = client.get("/dashboard/").content.decode()
    assert "My courses" in html
    assert "<bdi>1</bdi> of <bdi>3</bdi> modules complete (<bdi>33</bdi>%)" in html
    assert "Your next session" in html and "Workshop 1" in html
    assert "meet.example.org/ws-1" in html  # members see the join link
    assert "(<bdi>Asia/Amman</bdi>)" in html  # no zone chosen: the venue's, named
    assert f'href="{modules[1].url}">Module 2' in html  # continue
    assert "Recently completed" in html


def test_dashboard_shows_times_in_my_time_zone(client, participant, course):
    participant.time_zone = "Asia/Karachi"
    participant.save()
    client.force_login(participant)
    workshop = WorkshopPage.objects.get()
    html = client.get("/dashboard/").content.decode()
    local = workshop.starts_at.astimezone(ZoneInfo("Asia/Karachi"))
    assert local.strftime("%H:%M") in html
    assert "(<bdi>Asia/Karachi</bdi>)" in html  # named by its place, not "PKT"


def test_dashboard_without_courses_invites_to_browse(client, stranger):
    client.force_login(stranger)
    html = client.get("/dashboard/").content.decode()
    assert "My courses" not in html
    # A new account is told its next step first, with the way to the course index.
    first = html.index("Start here")
    assert first < html.index("</main>")
    assert '<a class="button" href="/courses/">Browse the courses</a>' in html


def test_demo_builds_the_collaborative_and_scales(client, db):
    call_command("load_demo", force=True, scale=2)
    courses = CoursePage.objects.filter(
        locale__language_code="en", slug__startswith="scaling-up-community-mental-health-care"
    ).order_by("path")
    assert [c.slug for c in courses] == [
        "scaling-up-community-mental-health-care",
        "scaling-up-community-mental-health-care-2",
    ]
    main = courses[0]
    assert {t.slug for t in main.themes.all()} == {
        "contextual-adaptation",
        "policy-engagement",
        "implementation-science",
    }
    assert ModulePage.objects.child_of(main).count() == 6
    assert (
        ModulePage.objects.child_of(main).filter(prerequisites__isnull=False).distinct().count()
        == 5
    )
    workshops = WorkshopPage.objects.child_of(main)
    assert {w.format for w in workshops} >= {"in_person", "virtual"}
    amman = workshops.get(slug="workshop-1-amman")
    assert len(amman.agenda) == 3 and all(len(day.value["items"]) >= 5 for day in amman.agenda)
    assert FollowUpPage.objects.child_of(amman).get().reminders.count() == 4
    assert main.people.count() == 3
    learner = User.objects.get(username="learner")
    assert ModuleCompletion.objects.filter(user=learner).count() == 2
    facilitator = User.objects.get(username="facilitator")
    assert Enrolment.objects.get(user=facilitator, course=main).role == "facilitator"
    assert facilitator.groups.filter(name="Facilitators").exists()
    assert Group.objects.get(name="Facilitators").permissions.filter(codename="access_admin")
    home = HomePage.objects.get(locale__language_code="en")
    assert home.hero_cta_link.specific.url == "/courses/"

    call_command("load_demo", force=True, scale=2)
    assert courses.count() == 2
    client.login(request=HttpRequest(), username="learner", password="collab-demo")
    html = client.get(main.url).content.decode()
    assert "<bdi>2</bdi> of <bdi>6</bdi> modules complete" in html
