"""The demo course is a collaborative of five teams; the demo learner is a clinician
and data contact of one; the facilitator sees every team; loading twice changes nothing."""

from django.core.management import call_command
from django.http import HttpRequest

from courses.demo import COURSE_SLUG
from teams.models import Team, TeamMember


def test_demo_teams(client, db):
    call_command("load_demo", force=True)
    teams = Team.objects.filter(course__slug=COURSE_SLUG)
    assert sorted(teams.values_list("country", flat=True)) == [
        "Egypt",
        "Iran",
        "Jordan",
        "Pakistan",
        "United Kingdom",
    ]
    learner = TeamMember.objects.get(team__in=teams, user__username="learner")
    assert learner.is_clinician and learner.is_data_contact
    assert all(team.members.filter(is_data_contact=True).exists() for team in teams)
    counts = (Team.objects.count(), TeamMember.objects.count())
    call_command("load_demo", force=True)
    assert (Team.objects.count(), TeamMember.objects.count()) == counts

    course = learner.team.course
    assert client.login(username="learner", password="collab-demo", request=HttpRequest())
    assert client.get(f"{course.url}teams/{learner.team.slug}/").status_code == 200
    assert client.login(username="facilitator", password="collab-demo", request=HttpRequest())
    listing = client.get(f"{course.url}teams/").content.decode()
    assert all(f"teams/{team.slug}/" in listing for team in teams)
