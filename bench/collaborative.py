"""The collaborative view at the size issue 15 asks of it: 50 teams × 4 measures × 36
months. The demo course gets 45 more teams and its measures start 36 months back, in the
bench database only (rebuilt each run); made once however often PAGES is iterated."""

from django.utils import timezone

from courses.demo import COURSE_SLUG
from courses.models import CoursePage
from improvement.models import Measure, MonthlyValue
from improvement.months import add_months
from improvement.series import last_month
from teams.models import Team

TEAMS, MONTHS = 50, 36
PATTERN = [22, 25, 21, 24, 23, 26, 19, 21, 23, 25, 27, 29]


def ensure_size(course_url):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    measures = list(Measure.objects.filter(course=course))
    if course is None or not measures:
        return []
    first = add_months(last_month(timezone.localdate()), 1 - MONTHS)
    Measure.objects.filter(pk__in=[m.pk for m in measures]).update(first_month=first)
    have = Team.objects.filter(course=course).count()
    new = Team.objects.bulk_create(
        Team(course=course, slug=f"bench-{n}", name=f"Bench team {n}", organisation="Bench",
             country="Jordan")
        for n in range(have, TEAMS)
    )  # fmt: skip
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=measure, month=add_months(first, n),
                     numerator=PATTERN[(n + team.pk) % len(PATTERN)], denominator=40)
        for team in new
        for measure in measures
        for n in range(MONTHS)
    )  # fmt: skip
    return [(f"collaborative view ({TEAMS} teams × 4 × {MONTHS})", f"{course_url}measures/")]
