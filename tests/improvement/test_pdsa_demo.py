"""The demo collaborative's PDSA cycles: ramps in three teams with one cycle adopted, one
adapted and one abandoned, the facilitator's comments, Karachi's adopted cycle marked
where its screening shift starts; loading twice changes nothing."""

from django.core.management import call_command

from courses.demo import COURSE_SLUG
from improvement.models import Measure, PdsaComment, PdsaCycle
from improvement.months import month_start
from improvement.pdsa import ramps
from improvement.pdsa_choices import CycleDecision
from tests.improvement.test_demo import screening


def test_demo_teams_have_ramps_of_cycles_with_every_decision(db):
    call_command("load_demo", force=True)
    cycles = PdsaCycle.objects.filter(team__course__slug=COURSE_SLUG)
    decisions = set(cycles.values_list("decision", flat=True))
    assert {CycleDecision.ADOPT, CycleDecision.ADAPT, CycleDecision.ABANDON} <= decisions
    assert cycles.values("team").distinct().count() == 3
    karachi = ramps(cycles.filter(team__slug="karachi").order_by("start_date"))
    assert [depth for _cycle, depth in karachi[0]] == [0, 1, 2]
    assert PdsaComment.objects.filter(cycle__in=cycles, author__username="facilitator").count() >= 3
    for cycle in cycles:
        assert cycle.measures.count() == 1
        assert cycle.end_date is None or cycle.end_date >= cycle.start_date

    adopted = cycles.get(team__slug="karachi", decision=CycleDecision.ADOPT)
    measure = Measure.objects.get(course__slug=COURSE_SLUG, sort_order=1)
    first_shifted = screening("karachi")["shifts"][0][0]
    months = (adopted.start_date.year - measure.first_month.year) * 12
    months += adopted.start_date.month - measure.first_month.month
    assert months == first_shifted and month_start(adopted.start_date) <= adopted.end_date

    counts = (cycles.count(), PdsaComment.objects.count())
    call_command("load_demo", force=True)
    assert (cycles.count(), PdsaComment.objects.count()) == counts
