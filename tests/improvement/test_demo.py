"""The demo collaborative's data shows every run-chart signal, read by the one rule
function with each measure's baseline: a shift, a trend, too few runs, a late team; and
the demo learner's team still to enter last month; loading twice changes nothing."""

from django.core.management import call_command
from django.utils import timezone

from courses.demo import COURSE_SLUG
from courses.models import WorkshopPage
from improvement.demo import BASELINE
from improvement.models import Measure, MonthlyValue, ValueChange
from improvement.months import add_months, month_start
from improvement.runcharts import analyse
from teams.models import Team


def screening(slug):
    measure = Measure.objects.get(course__slug=COURSE_SLUG, sort_order=1)
    rows = MonthlyValue.objects.filter(measure=measure, team__slug=slug).order_by("month")
    return analyse([row.value for row in rows], baseline=measure.baseline_months)


def test_demo_data_shows_each_signal(db):
    call_command("load_demo", force=True)
    measures = Measure.objects.filter(course__slug=COURSE_SLUG)
    assert measures.count() == 4
    teams = Team.objects.filter(course__slug=COURSE_SLUG)
    last = add_months(month_start(timezone.localdate()), -1)
    for team in teams:
        for measure in measures:
            months = list(
                MonthlyValue.objects.filter(team=team, measure=measure).values_list(
                    "month", flat=True
                )
            )
            assert len(months) >= 14
            assert (max(months) == last) is (team.slug not in ("irbid", "karachi"))

    shift = screening("karachi")
    first_month = measures.get(sort_order=1).first_month
    workshop = WorkshopPage.objects.child_of(measures[0].course).order_by("starts_at").first()
    month = month_start(workshop.starts_at.date())
    after = (month.year - first_month.year) * 12 + month.month - first_month.month + 1
    # The shift starts the month after the first workshop, which the chart marks before it.
    assert BASELINE < after <= 14 - 5
    # Karachi's last month is left for the demo learner to enter.
    assert shift["shifts"] == [[after, 14]] and shift["median"] == 48.75  # 19.5 of 40 seen
    assert screening("kasr-al-ainy")["trends"] == [[6, 11]]
    assert screening("shiraz")["runs_signal"] == "too_few"
    assert not screening("shiraz")["shifts"]
    calm = screening("manchester")
    assert (calm["shifts"], calm["trends"], calm["runs_signal"]) == ([], [], None)
    required = measures.filter(required=True)
    late = [
        team.slug
        for team in teams
        if MonthlyValue.objects.filter(team=team, measure__in=required, month=last).count()
        < required.count()
    ]
    assert sorted(late) == ["irbid", "karachi"]

    first = min(measure.first_month for measure in measures)
    baseline = MonthlyValue.objects.filter(month__lt=add_months(first, 6))
    assert baseline.exists() and not baseline.filter(locked=False).exists()
    (change,) = ValueChange.objects.all()
    assert change.value.team.slug == "kasr-al-ainy" and change.changed_by.username == "nour.elsayed"

    counts = (Measure.objects.count(), MonthlyValue.objects.count(), ValueChange.objects.count())
    values = list(MonthlyValue.objects.values_list("numerator", "denominator").order_by("pk"))
    call_command("load_demo", force=True)
    assert (
        Measure.objects.count(),
        MonthlyValue.objects.count(),
        ValueChange.objects.count(),
    ) == counts
    assert list(MonthlyValue.objects.values_list("numerator", "denominator").order_by("pk")) == (
        values
    )
