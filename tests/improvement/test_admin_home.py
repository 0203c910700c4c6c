"""The editor's admin home lists, from the due day, the teams whose data for last month
is late or missing, linked to their data page; nothing once they have reported."""

import pytest
from django.test import override_settings

from improvement.entry import last_month
from improvement.models import MonthlyValue
from improvement.months import add_months
from tests.improvement.conftest import make_measure


@pytest.fixture
def screened(course):
    return make_measure(course, name="Screened", first_month=add_months(last_month(), -5))


def admin_home(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@override_settings(IMPROVEMENT_DATA_DUE_DAY=1)
def test_teams_late_with_their_data_are_listed_and_linked(
    client, editor, team, other_team, screened
):
    MonthlyValue.objects.create(
        team=other_team, measure=screened, month=last_month(), numerator=1, denominator=2
    )
    html = admin_home(client, editor)
    assert "Late team data" in html
    assert "1 team has not entered its data for" in html
    link = f'href="{team.course.url}teams/{team.slug}/data/?month={last_month():%Y-%m}"'
    assert link in html and f"{team.name} · {team.course.title}" in html
    assert f"{other_team.name} ·" not in html


@override_settings(IMPROVEMENT_DATA_DUE_DAY=1)
def test_no_panel_once_every_team_reported(client, editor, team, screened):
    MonthlyValue.objects.create(
        team=team, measure=screened, month=last_month(), no_data_reason="Clinic closed"
    )
    assert "Late team data" not in admin_home(client, editor)


@override_settings(IMPROVEMENT_DATA_DUE_DAY=32)
def test_no_panel_before_the_due_day(client, editor, team, screened):
    assert "Late team data" not in admin_home(client, editor)
