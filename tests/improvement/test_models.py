"""Monthly values: the plotted value per kind of measure, and the database refusing a
numerator above its denominator or below zero, and a second value for the same month."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from improvement.choices import MeasureKind
from improvement.models import MonthlyValue
from tests.improvement.conftest import make_measure

MONTH = datetime.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("kind", "multiplier", "numerator", "denominator", "expected"),
    [
        (MeasureKind.PERCENTAGE, None, 30, 40, 75.0),
        (MeasureKind.RATE, 1000, 3, 600, 5.0),
        (MeasureKind.COUNT, None, 17, None, 17.0),
        (MeasureKind.MEAN, None, Decimal("4.5"), None, 4.5),
        (MeasureKind.PERCENTAGE, None, 0, 0, None),
        (MeasureKind.PERCENTAGE, None, None, None, None),
    ],
)
def test_value_per_kind(team, kind, multiplier, numerator, denominator, expected):
    measure = make_measure(team.course, kind=kind, rate_multiplier=multiplier)
    value = MonthlyValue.objects.create(
        team=team, measure=measure, month=MONTH, numerator=numerator, denominator=denominator
    )
    assert value.value == expected


@pytest.mark.parametrize(("numerator", "denominator"), [(41, 40), (-1, None), (-1, 5)])
def test_database_refuses_numbers_out_of_range(team, measure, numerator, denominator):
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyValue.objects.create(
            team=team, measure=measure, month=MONTH, numerator=numerator, denominator=denominator
        )
    assert not MonthlyValue.objects.exists()


def test_one_value_per_team_measure_and_month(team, measure):
    MonthlyValue.objects.create(team=team, measure=measure, month=MONTH, numerator=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyValue.objects.create(team=team, measure=measure, month=MONTH, numerator=2)
    assert MonthlyValue.objects.count() == 1


def test_measure_checks_its_kind_and_first_month(course):
    rate = make_measure(course, kind=MeasureKind.RATE, denominator_label="")
    rate.first_month = datetime.date(2025, 1, 15)
    with pytest.raises(ValidationError) as error:
        rate.full_clean()
    assert set(error.value.message_dict) == {"denominator_label", "rate_multiplier", "first_month"}
