"""New baselines in the admin: a course's facilitator starts one for a team of the
course after a sustained shift, never for another course's team; the team's chart then
reads the later months against the new median and keeps the old one drawn."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from improvement.models import Baseline, MonthlyValue
from improvement.months import add_months, month_start
from improvement.team_section import measure_charts
from tests.courses.factories import make_course
from tests.improvement.conftest import make_measure
from tests.teams.conftest import make_team

LIST = "/admin/baselines/"


@pytest.fixture
def admin_facilitator(facilitator):
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    return facilitator


def shifted(team, measure):
    values = [10, 12, 11, 10, 12, 11, 16, 17, 16, 18, 17, 16]
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=measure, month=add_months(measure.first_month, n),
                     numerator=v, denominator=20)
        for n, v in enumerate(values)
    )  # fmt: skip


def test_facilitator_starts_a_new_baseline_for_their_course_only(
    client, admin_facilitator, team, course_index
):
    last = add_months(month_start(timezone.localdate()), -1)
    measure = make_measure(team.course, first_month=add_months(last, -11))
    shifted(team, measure)
    other = make_course(course_index, slug="other", title="Other course")
    foreign = make_team(other, slug="elsewhere")
    foreign_measure = make_measure(other, name="Elsewhere")
    client.force_login(admin_facilitator)
    new_month = add_months(measure.first_month, 6)
    data = {"team": team.pk, "measure": measure.pk, "first_month": new_month, "months": 6}
    refused = data | {"team": foreign.pk, "measure": foreign_measure.pk}
    assert client.post(f"{LIST}new/", refused).status_code == 200  # not a choice
    too_early = data | {"first_month": measure.first_month}
    assert client.post(f"{LIST}new/", too_early).status_code == 200
    assert not Baseline.objects.exists()
    assert client.post(f"{LIST}new/", data | {"reason": "After the workshop"}).status_code == 302
    baseline = Baseline.objects.get()
    assert baseline.created_by == admin_facilitator

    [(_measure, chart, _rows)] = measure_charts(team, team.course)
    old, new = chart.segments
    assert (old.median, new.median) == (55.0, 82.5)
    assert len([line for line in chart.lines if line[-1] == "median"]) == 2
    # The shifted months now make the new median: they are the process's new level.
    assert not old.analysis["shifts"] and not new.analysis["shifts"]
    assert not chart.summary.startswith("Shift")


def test_baselines_of_another_course_are_hidden(client, admin_facilitator, course_index):
    other = make_course(course_index, slug="other", title="Other course")
    measure = make_measure(other, name="Elsewhere", first_month=datetime.date(2025, 1, 1))
    baseline = Baseline.objects.create(
        team=make_team(other, slug="elsewhere"), measure=measure,
        first_month=datetime.date(2025, 7, 1),
    )  # fmt: skip
    client.force_login(admin_facilitator)
    assert "Elsewhere" not in client.get(LIST).content.decode()
    assert client.get(f"{LIST}edit/{baseline.pk}/").status_code == 404
    assert client.post(f"{LIST}delete/{baseline.pk}/").status_code == 404
    assert Baseline.objects.exists()
