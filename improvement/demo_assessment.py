"""Demo ratings on the assessment scale: twelve months for each demo team, ending this
month, by the team (its senior leader, or its first member) and by the demo facilitator.

- Kasr Al Ainy rates itself well above the faculty's view (a gap of 1.0 to 1.5 over the
  last half year): the team page shows it at once;
- Karachi climbs after the first workshop, the faculty close behind;
- Irbid has not rated this month, and the faculty have not yet rated Manchester, so the
  collaborative view lists both as not rated yet.

Ratings are created only when missing: a second run changes nothing.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.demo import COURSE_SLUG
from courses.models import CoursePage
from improvement.assessment import AssessmentRating, RaterKind
from improvement.months import add_months, month_start
from teams.models import Team

MONTHS = 12
FACILITATOR = "facilitator"

# Per team: the team's own ratings and the faculty's, oldest month first (None: not yet).
RATINGS = {
    "karachi": (
        [1.0, 1.5, 1.5, 2.0, 2.0, 2.5, 3.0, 3.0, 3.5, 3.5, 3.5, 4.0],
        [1.0, 1.0, 1.5, 2.0, 2.0, 2.5, 2.5, 3.0, 3.0, 3.5, 3.5, 3.5],
    ),
    "kasr-al-ainy": (
        [1.5, 2.0, 2.5, 2.5, 3.0, 3.0, 3.5, 3.5, 4.0, 4.0, 4.5, 4.5],
        [1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.5, 2.5, 2.5, 3.0, 3.0, 3.0],
    ),
    "shiraz": (
        [1.0, 1.0, 1.5, 1.5, 1.5, 2.0, 2.0, 2.0, 2.5, 2.5, 2.5, 2.5],
        [1.0, 1.0, 1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.0, 2.5, 2.5, 2.5],
    ),
    "irbid": (
        [1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.5, 2.5, 2.5, 2.5, 3.0, None],
        [1.0, 1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.5, 2.5, 2.5, 2.5, 2.5],
    ),
    "manchester": (
        [1.5, 2.0, 2.0, 2.5, 2.5, 3.0, 3.0, 3.0, 3.5, 3.5, 3.5, 4.0],
        [1.5, 1.5, 2.0, 2.5, 2.5, 2.5, 3.0, 3.0, 3.0, 3.5, 3.5, None],
    ),
}

# Notes on the latest month, in the teams' and the faculty's words.
NOTES = {
    ("kasr-al-ainy", RaterKind.SELF): "Screening is now routine in both clinics; we think "
    "the PHQ-9 follow-up at 8 weeks is nearly there.",
    ("kasr-al-ainy", RaterKind.FACULTY): "Screening has improved, but the 8-week outcome "
    "data are still missing for most patients: not yet 4.0.",
    ("karachi", RaterKind.SELF): "Lady Health Workers screen at every household visit; "
    "the shift has held for eight months.",
    ("shiraz", RaterKind.FACULTY): "Steady testing of the referral pathway; the measures "
    "have not moved yet.",
}


def rater(team, kind, facilitator):
    if kind == RaterKind.FACULTY:
        return facilitator
    members = team.members.filter(user__isnull=False).select_related("user")
    leader = members.filter(is_senior_leader=True).first() or members.first()
    return leader and leader.user


def load(scale, stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return
    first = add_months(month_start(timezone.localdate()), 1 - MONTHS)
    facilitator = get_user_model().objects.filter(username=FACILITATOR).first()
    teams = Team.objects.filter(course=course, slug__in=RATINGS)
    existing = set(
        AssessmentRating.objects.filter(team__in=teams).values_list("team_id", "month", "kind")
    )
    new = []
    for team in teams:
        for kind, levels in zip(RaterKind, RATINGS[team.slug], strict=True):
            who = rater(team, kind, facilitator)
            for number, level in enumerate(levels):
                month = add_months(first, number)
                if level is None or (team.pk, month, kind) in existing:
                    continue
                note = NOTES.get((team.slug, kind), "") if number == MONTHS - 1 else ""
                new.append(
                    AssessmentRating(
                        team=team,
                        month=month,
                        kind=kind,
                        level=Decimal(str(level)),
                        note=note,
                        rated_by=who,
                    )
                )
    AssessmentRating.objects.bulk_create(new)
    stdout.write(f"Assessment scale: {len(new)} new ratings for {len(teams)} teams")
