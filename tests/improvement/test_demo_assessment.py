"""The demo's assessment ratings (twelve months of both kinds for the demo teams, a
visible gap on Kasr Al Ainy, teams not yet rated this month) and the first workshop's
storyboards, each with its file and a preview; loading twice changes nothing."""

from django.core.management import call_command
from django.http import HttpRequest
from django.utils import timezone

from improvement.assessment import AssessmentRating
from improvement.months import month_start
from improvement.storyboards import Storyboard, StoryboardComment
from teams.models import Team


def test_demo_ratings_show_a_gap_and_unrated_teams(client, db):
    call_command("load_demo", force=True)
    count = AssessmentRating.objects.count()
    assert count == 5 * 24 - 2
    this_month = month_start(timezone.localdate())
    gap = {
        r.kind: r.level
        for r in AssessmentRating.objects.filter(team__slug="kasr-al-ainy", month=this_month)
    }
    assert gap["self"] - gap["faculty"] == 1.5
    assert not AssessmentRating.objects.filter(team__slug="irbid", month=this_month, kind="self")
    call_command("load_demo", force=True)
    assert AssessmentRating.objects.count() == count
    assert Storyboard.objects.count() == 5 and StoryboardComment.objects.count() == 3
    team = Team.objects.get(slug="kasr-al-ainy")
    client.login(username="nour.elsayed", password="collab-demo", request=HttpRequest())
    html = client.get(team.course.url + "teams/kasr-al-ainy/").content.decode()
    assert "(gap +1.5)" in html

    manchester = Storyboard.objects.get(team__slug="manchester")
    assert manchester.document.file_extension == "pdf" and manchester.preview.width == 1000
    workshop = manchester.workshop
    html = client.get(workshop.url + "storyboards/").content.decode()
    assert html.index("Screening at every household visit") < html.index("Same-week first")
    assert html.count('class="storyboard__preview"') == 5
