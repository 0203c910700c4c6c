"""Whether each team has reported the month just ended: submitted (every required
measure has a value or a reason for none), missing (not yet due) or late (the due day,
IMPROVEMENT_DATA_DUE_DAY, has come). One query for any number of teams (the measures
are remembered), none when the caller has the teams' values."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from improvement import series
from improvement.choices import DataStatus
from improvement.entry import last_month
from improvement.models import MonthlyValue

REPORTED = Q(numerator__isnull=False) | ~Q(no_data_reason="")


def due_day():
    return settings.IMPROVEMENT_DATA_DUE_DAY


def is_due(today=None):
    return (today or timezone.localdate()).day >= due_day()


def is_reported(value):
    return value.numerator is not None or value.no_data_reason != ""


def missing_required(teams, course, month, values=None):
    """{team id: [required measures with no value or reason for `month`]}. `values`:
    {team id: {(measure id, month): MonthlyValue}} of every team, when the caller has
    them (`series.team_values`)."""
    required = [m for m in series.measures_of(course.pk) if m.required and m.first_month <= month]
    if values is not None:
        reported = {
            (team.pk, m.pk)
            for team in teams
            for m in required
            if (value := values[team.pk].get((m.pk, month))) and is_reported(value)
        }
    else:
        reported = set(
            MonthlyValue.objects.filter(
                REPORTED, team__in=teams, measure__in=required, month=month
            ).values_list("team_id", "measure_id")
        )
    return {team.pk: [m for m in required if (team.pk, m.pk) not in reported] for team in teams}


def team_statuses(teams, course, today=None, values=None):
    """{team id: DataStatus} for last month (`values`: as for `missing_required`)."""
    missing = missing_required(teams, course, last_month(today), values)
    late = DataStatus.LATE if is_due(today) else DataStatus.MISSING
    return {team_id: late if gaps else DataStatus.SUBMITTED for team_id, gaps in missing.items()}
