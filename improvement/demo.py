"""Demo measures and data: the demo collaborative's four measures and 16 months of values
for each of its five teams, ending last month, so that every run-chart signal shows:

- Karachi (the demo learner's team): a sustained shift in screening from the month after
  the first workshop, the change the collaborative is after (the chart marks the
  workshop just before the shift); last month is not entered yet, so the demo learner
  enters it (and sees the chart change) with `make run`;
- Kasr Al Ainy: a trend (six months of screening going up);
- Shiraz: too few runs (long stretches on each side of the median, none a shift);
- Irbid: late: last month's required values are missing;
- Manchester: ordinary variation, no signal.

The baseline months are locked (a facilitator checked them), and Kasr Al Ainy's data
contact once corrected a value, so the team page shows a history of changes.

At --scale 2 and above each crowd team (teams/demo.py) gets 16 months too, trending up
(`crowd_series`).

The values are fixed (no randomness), so the demo and its test read the same charts.
Measures and values are created only when missing: a second run changes nothing, and a
value someone entered in the demo is never overwritten.
"""

import datetime

from django.utils import timezone

from courses.demo import COURSE_SLUG
from courses.models import CoursePage, WorkshopPage
from improvement import pdsa_demo
from improvement.choices import Direction, MeasureKind
from improvement.models import Measure, MonthlyValue, ValueChange
from improvement.months import add_months, month_start
from teams.demo import crowd_teams
from teams.models import Team

MONTHS = 16
BASELINE = 6

MEASURES = [
    # sort order, name, kind, definition, numerator, denominator, unit, goal, required
    (
        1,
        "Eligible patients screened",
        MeasureKind.PERCENTAGE,
        "Adults seen for any reason this month who were screened with the PHQ-9, out of "
        "all adults seen who were not already in treatment.",
        "Patients screened with the PHQ-9",
        "Eligible patients seen",
        "%",
        80,
        True,
    ),
    (
        2,
        "Lay counsellors supervised this month",
        MeasureKind.PERCENTAGE,
        "Lay counsellors who had at least one individual or group supervision session "
        "this month, out of all lay counsellors seeing patients.",
        "Lay counsellors supervised",
        "Lay counsellors seeing patients",
        "%",
        90,
        True,
    ),
    (
        3,
        "Patients starting treatment",
        MeasureKind.COUNT,
        "Patients who had their first psychological intervention session this month.",
        "Patients starting treatment",
        "",
        "patients",
        30,
        True,
    ),
    (
        4,
        "PHQ-9 improvement of 5 points at 8 weeks",
        MeasureKind.PERCENTAGE,
        "Patients whose PHQ-9 score is at least 5 points lower 8 weeks after starting "
        "treatment, out of patients who reached 8 weeks this month.",
        "Patients at least 5 points better",
        "Patients reaching 8 weeks",
        "%",
        50,
        False,  # outcome data lag behind: reported when available
    ),
]

# Screening (the first measure) per team: (patients seen each month, patients screened
# month by month, oldest first). The first six months are the baseline.
SCREENING = {
    "karachi": (40, [21, 18, 20, 22, 17, 19, 20, 19, 18, 20, 19, 18, 20, 19, 18]),
    "kasr-al-ainy": (36, [22, 25, 21, 24, 23, 26, 19, 21, 23, 25, 27, 29, 24, 22, 25, 21]),
    "shiraz": (30, [17, 16, 18, 23, 22, 24, 25, 23, 16, 17, 15, 18, 17, 22, 24, 23]),
    "irbid": (32, [22, 24, 21, 25, 23, 24, 23, 25, 25, 22, 21, 24, 26, 22, 23]),
    "manchester": (34, [25, 23, 26, 24, 27, 22, 26, 26, 23, 22, 27, 25, 23, 24, 26, 22]),
}
LATE_TEAM = "irbid"
# Karachi's screening from the month after the first workshop: well above its baseline.
KARACHI_AFTER = [27, 29, 28, 31, 30, 32, 31, 33, 32, 34, 33, 35, 34, 36, 35, 37]

# The other measures vary around each team's level by this fixed pattern.
WOBBLE = [0, 1, -1, 2, 0, -2, 1, 0, -1, 1, 2, -1, 0, -2, 1, 0]
# Per team: lay counsellors, their usual number supervised, patients starting treatment,
# patients reaching 8 weeks, and how many of them improve.
LEVELS = {
    "karachi": (12, 9, 24, 14, 6),
    "kasr-al-ainy": (8, 6, 18, 10, 5),
    "shiraz": (10, 7, 20, 12, 5),
    "irbid": (9, 7, 16, 9, 4),
    "manchester": (14, 12, 28, 16, 8),
}


def last_month(today=None):
    return add_months(month_start(today or timezone.localdate()), -1)


def create_measures(course, first_month):
    measures = []
    for order, name, kind, definition, numerator, denominator, unit, goal, required in MEASURES:
        measure, _created = Measure.objects.get_or_create(
            course=course,
            name=name,
            defaults={
                "kind": kind,
                "definition": definition,
                "numerator_label": numerator,
                "denominator_label": denominator,
                "unit": unit,
                "goal_value": goal,
                "goal_date": datetime.date(add_months(first_month, 24).year, 12, 1),
                "direction": Direction.HIGHER,
                "required": required,
                "first_month": first_month,
                "baseline_months": BASELINE,
                "sort_order": order,
            },
        )
        measures.append(measure)
    return measures


def first_workshop_month(course, first_month):
    """The index of the course's first workshop's month among the demo's months."""
    workshop = WorkshopPage.objects.child_of(course).order_by("starts_at").first()
    if workshop is None:
        return None
    month = month_start(workshop.starts_at.date())
    return (month.year - first_month.year) * 12 + month.month - first_month.month


def screening(slug, workshop_index):
    """Screened patients month by month; Karachi's series changes after the workshop."""
    screened = SCREENING[slug][1]
    if slug != "karachi" or workshop_index is None or workshop_index < 0:
        return screened
    after = len(screened) - workshop_index - 1
    return screened[: workshop_index + 1] + KARACHI_AFTER[:after]


def team_series(slug, index, workshop_index=None):
    """[(numerator, denominator)] per month, oldest first, for each of the four measures."""
    return series(SCREENING[slug][0], screening(slug, workshop_index), LEVELS[slug], index)


def crowd_series(index):
    """A crowd team's data (--scale 2 and above): screening rises from about a third of
    the patients seen in the baseline to two thirds eight months later; every seventh
    team has not entered last month yet."""
    seen = 30 + index * 7 % 20
    screened = [
        round(seen * (0.35 + 0.3 * min(max(month - BASELINE + 1, 0), 8) / 8))
        + WOBBLE[(month + index) % len(WOBBLE)]
        for month in range(MONTHS - (index % 7 == 3))
    ]
    levels = (6 + index % 6, 4 + index % 5, 12 + index % 10, 10 + index % 6, 4 + index % 3)
    return series(seen, screened, levels, index)


def series(seen, screened, levels, index):
    counsellors, supervised, starting, reaching, improving = levels

    def wobble(month, level, ceiling=None):
        value = level + WOBBLE[(month + index * 3) % len(WOBBLE)]
        return min(value, ceiling) if ceiling else value

    months = range(len(screened))
    return [
        [(number, seen) for number in screened],
        [(wobble(m, supervised, counsellors), counsellors) for m in months],
        [(wobble(m, starting), None) for m in months],
        [(wobble(m, improving), wobble(m + 5, reaching)) for m in months],
    ]


def record_history(course, measures, first_month):
    """Lock every team's baseline months; one correction by Kasr Al Ainy's data contact."""
    baseline_end = add_months(first_month, BASELINE)
    MonthlyValue.objects.filter(measure__in=measures, month__lt=baseline_end).update(locked=True)
    corrected = MonthlyValue.objects.filter(
        team__course=course, team__slug="kasr-al-ainy", measure=measures[0]
    ).filter(month=add_months(first_month, BASELINE + 1))
    value = corrected.select_related("team").first()
    if value is None or ValueChange.objects.filter(value=value).exists():
        return
    contact = value.team.members.filter(is_data_contact=True, user__isnull=False).first()
    ValueChange.objects.create(
        value=value,
        changed_by=contact and contact.user,
        old_numerator=value.numerator + 10,  # typed 31 for 21, found at the monthly review
        old_denominator=value.denominator,
        new_numerator=value.numerator,
        new_denominator=value.denominator,
    )


def load(scale, stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return
    first_month = add_months(last_month(), 1 - MONTHS)
    measures = create_measures(course, first_month)
    workshop_index = first_workshop_month(course, first_month)
    teams = Team.objects.filter(course=course, slug__in=SCREENING).order_by("name")
    by_team = {
        team: team_series(team.slug, index, workshop_index) for index, team in enumerate(teams)
    }
    slugs = [spec[0] for spec in crowd_teams(scale)]
    crowd = {team.slug: team for team in Team.objects.filter(course=course, slug__in=slugs)}
    by_team.update(
        (crowd[spec[0]], crowd_series(index))
        for index, spec in enumerate(crowd_teams(scale))
        if spec[0] in crowd
    )
    existing = set(
        MonthlyValue.objects.filter(measure__in=measures).values_list(
            "team_id", "measure_id", "month"
        )
    )
    new = []
    for team, team_data in by_team.items():
        for measure, values in zip(measures, team_data, strict=True):
            for number, (numerator, denominator) in enumerate(values):
                month = add_months(first_month, number)
                if (team.pk, measure.pk, month) not in existing:
                    new.append(
                        MonthlyValue(
                            team=team,
                            measure=measure,
                            month=month,
                            numerator=numerator,
                            denominator=denominator,
                        )
                    )
    MonthlyValue.objects.bulk_create(new, batch_size=500)
    record_history(course, measures, first_month)
    pdsa_demo.load(course, measures, first_month, workshop_index, stdout)
    stdout.write(
        f"Measures: {len(measures)} measures, {len(new)} new monthly values "
        f"for {len(by_team)} teams in {course.title}"
    )
