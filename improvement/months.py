"""Months as the Core Data Set stores them: the date of their first day."""

import datetime


def month_start(day):
    return day.replace(day=1)


def add_months(month, count):
    """The first day of the month `count` months after (or, negative, before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)
