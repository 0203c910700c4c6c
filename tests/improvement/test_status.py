"""This month's data status (for last month): submitted, missing until the due day,
then late; on the team page and, for facilitators only, in the team list."""

import datetime

from django.test import override_settings

from improvement.choices import DataStatus
from improvement.entry import last_month
from improvement.models import MonthlyValue
from improvement.status import team_statuses
from tests.improvement.conftest import make_measure
from tests.teams.conftest import make_team
from tests.teams.test_pages import count_queries, team_url, teams_url


def test_status_is_submitted_missing_or_late(team, other_team, course):
    required = make_measure(course, first_month=datetime.date(2025, 1, 1))
    make_measure(course, name="Optional", required=False, first_month=datetime.date(2025, 1, 1))
    MonthlyValue.objects.create(
        team=team, measure=required, month=datetime.date(2025, 3, 1), numerator=1, denominator=2
    )
    early, late = datetime.date(2025, 4, 3), datetime.date(2025, 4, 12)
    assert team_statuses([team, other_team], course, early) == {
        team.pk: DataStatus.SUBMITTED,
        other_team.pk: DataStatus.MISSING,
    }
    assert team_statuses([other_team], course, late) == {other_team.pk: DataStatus.LATE}


@override_settings(IMPROVEMENT_DATA_DUE_DAY=1)
def test_facilitators_see_who_submitted_and_who_is_late(
    client, team, other_team, course, participant, facilitator
):
    measure = make_measure(course)
    MonthlyValue.objects.create(
        team=team, measure=measure, month=last_month(), numerator=1, denominator=2
    )
    client.force_login(facilitator)
    html = client.get(teams_url(course)).content.decode()
    assert "Data for" in html
    assert 'data-status--submitted">Submitted' in html and 'data-status--late">Late' in html
    client.force_login(participant)
    html = client.get(teams_url(course)).content.decode()
    assert "data-status--" not in html
    assert "Data for" in client.get(team_url(team)).content.decode()


def test_team_list_status_costs_fixed_queries(client, course, facilitator):
    make_measure(course)
    client.force_login(facilitator)
    for n in range(5):
        make_team(course, slug=f"team-{n}")
    client.get(teams_url(course))
    few = count_queries(client, teams_url(course))
    for n in range(5, 50):
        make_team(course, slug=f"team-{n}")
    assert count_queries(client, teams_url(course)) == few


def test_a_course_without_measures_shows_no_data_status(
    client, team, course, participant, facilitator
):
    client.force_login(facilitator)
    assert "Data for" not in client.get(teams_url(course)).content.decode()
    assert "Monthly data" not in client.get(team_url(team)).content.decode()
