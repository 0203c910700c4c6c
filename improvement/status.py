"""Whether each team has reported the month just ended: submitted (every required
measure has a value or a reason for none), missing (not yet due) or late (the due day,
IMPROVEMENT_DATA_DUE_DAY, has come). Two queries for any number of teams."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from improvement.choices import DataStatus
from improvement.entry import last_month
from improvement.models import Measure, MonthlyValue

REPORTED = Q(numerator__isnull=False) | ~Q(no_data_reason="")


def due_day():
    return settings.IMPROVEMENT_DATA_DUE_DAY


def is_due(today=None):
    return (today or timezone.localdate()).day >= due_day()


def missing_required(teams, course, month):
    """{team id: [required measures with no value or reason for `month`]}."""
    required = Measure.objects.filter(course=course, required=True, first_month__lte=month)
    required = list(required)
    reported = set(
        MonthlyValue.objects.filter(
            REPORTED, team__in=teams, measure__in=required, month=month
        ).values_list("team_id", "measure_id")
    )
    return {team.pk: [m for m in required if (team.pk, m.pk) not in reported] for team in teams}


def team_statuses(teams, course, today=None):
    """{team id: DataStatus} for last month."""
    missing = missing_required(teams, course, last_month(today))
    late = DataStatus.LATE if is_due(today) else DataStatus.MISSING
    return {team_id: late if gaps else DataStatus.SUBMITTED for team_id, gaps in missing.items()}
