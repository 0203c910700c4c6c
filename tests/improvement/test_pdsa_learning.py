"""Finding a team to learn from: under each measure of the collaborative view, the teams
whose chart shows a signal of improvement, with their PDSA cycles on that measure, and a
"Contact this team" email form for the teams that share with the collaborative, sent to
the team's leader (whose address is never shown), rate-limited, at fixed query cost."""

import datetime

import pytest
from django.core import mail

from improvement.models import MonthlyValue
from improvement.months import add_months
from tests.error_summary import error_summary
from tests.improvement.conftest import make_measure
from tests.improvement.test_pdsa import PREFIXES, languages, make_cycle
from tests.teams.conftest import make_team
from tests.teams.test_pages import count_queries

languages = languages  # the fixture, for these tests too
JANUARY = datetime.date(2025, 1, 1)
BASELINE = [5, 4, 5, 6, 5, 4]


def report(team, measure, after):
    """Six baseline months, then `after` (screened out of 10) month by month."""
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=measure, month=add_months(JANUARY, n), numerator=value,
                     denominator=10)
        for n, value in enumerate(BASELINE + after)
    )  # fmt: skip


IMPROVED = [8, 9, 8, 9, 9, 8]  # a shift above the median: better, as higher is better
SAME = [5, 4, 6, 5, 4, 6]


def measures_url(course, prefix=""):
    return f"{prefix}{course.url}measures/"


def contact_url(measure, team, prefix=""):
    return f"{measures_url(team.course, prefix)}{measure.pk}/contact/{team.slug}/"


@pytest.fixture
def cairo(other_team, measure):
    report(other_team, measure, IMPROVED)
    return other_team


def learn_from_section(html, measure):
    start = html.index(f'id="learn-from-{measure.pk}"')
    return html[start : html.index("All teams together", start)]


def test_improving_teams_are_listed_with_their_cycles_on_the_measure(
    client, team, cairo, measure, course, participant
):
    calls = make_measure(course, name="Follow-up call within 7 days", sort_order=1)
    report(team, measure, SAME)
    make_cycle(cairo, [measure], change_idea="PHQ-9 handed out at intake")
    make_cycle(cairo, [calls], change_idea="Call on day 3")
    client.force_login(participant)
    section = learn_from_section(client.get(measures_url(course)).content.decode(), measure)
    assert "Team cairo" in section and "Team karachi" not in section
    assert "PHQ-9 handed out at intake" in section and "Call on day 3" not in section
    assert contact_url(measure, cairo) in section
    assert "/pdsa/" not in section  # another team's cycle pages stay closed to this member
    assert cairo.members.get().user.email not in section


def test_a_team_that_does_not_share_shows_no_cycles_and_no_button(
    client, cairo, measure, course, participant, facilitator
):
    cairo.named_to_peers = False
    cairo.save()
    make_cycle(cairo, [measure], change_idea="PHQ-9 handed out at intake")
    client.force_login(participant)
    section = learn_from_section(client.get(measures_url(course)).content.decode(), measure)
    assert "A team" in section and "PHQ-9 handed out" not in section
    assert "Contact this team" not in section
    assert client.get(contact_url(measure, cairo)).status_code == 404
    client.force_login(facilitator)  # facilitators see the team, its cycles and their pages
    section = learn_from_section(client.get(measures_url(course)).content.decode(), measure)
    assert "Team cairo" in section and "PHQ-9 handed out" in section and "/pdsa/" in section


def test_own_team_is_listed_without_a_button(client, team, measure, course, participant):
    report(team, measure, IMPROVED)
    client.force_login(participant)
    section = learn_from_section(client.get(measures_url(course)).content.decode(), measure)
    assert "Team karachi" in section and "Contact this team" not in section
    assert client.post(contact_url(measure, team), {"message": "Hi"}).status_code == 400


def test_contact_emails_the_leader_and_replies_go_to_the_sender(
    client, cairo, measure, participant
):
    client.force_login(participant)
    page = client.get(contact_url(measure, cairo)).content.decode()
    leader = cairo.members.get().user
    assert leader.email not in page
    response = client.post(
        contact_url(measure, cairo), {"message": "How do you train receptionists?"}
    )
    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == [leader.email] and email.reply_to == [participant.email]
    assert "How do you train receptionists?" in email.body and "Bilal Learner" in email.subject


def test_contact_refuses_bad_input_and_floods(client, cairo, measure, participant):
    client.force_login(participant)
    response = client.post(contact_url(measure, cairo), {"message": "  "})
    assert response.status_code == 400 and "Nothing was sent" in error_summary(response)
    assert client.post(contact_url(measure, cairo), {"message": "x" * 2001}).status_code == 400
    wrong = f"{measures_url(cairo.course)}999/contact/{cairo.slug}/"
    assert client.get(wrong).status_code == 404
    assert (
        client.get(f"{measures_url(cairo.course)}{measure.pk}/contact/nobody/").status_code == 404
    )
    assert mail.outbox == []
    for n in range(5):
        assert (
            client.post(contact_url(measure, cairo), {"message": f"Hello {n}"}).status_code == 302
        )
    assert client.post(contact_url(measure, cairo), {"message": "Hello 5"}).status_code == 429
    assert len(mail.outbox) == 5


def test_a_team_without_a_leader_cannot_be_written_to(client, course, measure, participant):
    quiet = make_team(course, slug="irbid", country="Jordan")
    client.force_login(participant)
    response = client.post(contact_url(measure, quiet), {"message": "Hello"})
    assert response.status_code == 409 and mail.outbox == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_contact_is_for_members_of_the_course(client, languages, cairo, measure, stranger, prefix):
    client.force_login(stranger)
    assert client.get(contact_url(measure, cairo, prefix)).status_code == 404
    assert client.post(contact_url(measure, cairo, prefix), {"message": "Hi"}).status_code == 404
    client.logout()
    assert client.get(contact_url(measure, cairo, prefix)).status_code == 302
    assert mail.outbox == []


def test_the_measures_page_costs_the_same_with_1_or_20_cycles(
    client, team, cairo, measure, participant
):
    report(team, measure, IMPROVED)
    make_cycle(cairo, [measure])
    client.force_login(participant)
    client.get(measures_url(measure.course))  # warm the site and locale caches
    small = count_queries(client, measures_url(measure.course))
    for n in range(10):
        make_cycle(cairo, [measure], change_idea=f"Cairo {n}")
        make_cycle(team, [measure], change_idea=f"Karachi {n}")
    assert count_queries(client, measures_url(measure.course)) == small
