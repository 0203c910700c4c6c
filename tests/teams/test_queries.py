"""A team's page costs a fixed number of queries, signed in as its data contact, under
every language prefix: the same for a small team with a few months of data as for a
larger one with more members, measures, months, corrections, new baselines, PDSA
cycles, ratings, pre-work items and workshop days."""

import pytest
from django.utils import timezone

from attendance.models import Attendance
from courses.models import ModuleCompletion, WorkshopPage
from improvement.assessment import (
    AssessmentLevel,
    AssessmentLevelTranslation,
    AssessmentRating,
    RaterKind,
)
from improvement.models import Baseline, MonthlyValue, ValueChange
from improvement.months import add_months
from prework.choices import PreworkKind
from prework.models import PreworkTick
from tests.courses.factories import enrol, make_course, make_index, modules_of
from tests.factories import UserFactory
from tests.improvement.conftest import make_measure
from tests.improvement.test_pdsa import make_cycle
from tests.prework.conftest import make_item
from tests.teams.conftest import join, make_team
from tests.teams.test_pages import count_queries, team_url

# Issue 21's team page, signed in as a member: 2 for the layout (the user, the header's
# notification count), 2 to route (the course page; its view restrictions are
# remembered), the team and its members, and one each for what is the team's own:
# attendance, module completions, monthly values, pre-work ticks, new baselines, PDSA
# cycles, corrections, ratings, and the reader's enrolments. What every reader shares
# (the course's structure, measures, pre-work items, assessment levels) is remembered.
TEAM_PAGE_QUERIES = 14


def collaborative(index, slug, size):
    """A course with one team of `size` times the members, measures, months of data,
    corrections, baselines, PDSA cycles, ratings, pre-work items and workshops; its data
    contact is returned."""
    course = make_course(index, slug=slug, modules=3 * size, workshops=size)
    team = make_team(course, slug=f"{slug}-team")
    contact = UserFactory(username=f"{slug}-contact")
    members = [contact] + [UserFactory(username=f"{slug}-member-{n}") for n in range(2 * size)]
    for number, member in enumerate(members):
        enrol(member, course)
        join(team, member, "data_contact" if member == contact else "clinician")
        for module in modules_of(course)[: number % 3 + size]:
            ModuleCompletion.objects.create(user=member, module=module)
    months = 6 * size
    first = add_months(timezone.localdate().replace(day=1), -months)
    for number in range(size):
        measure = make_measure(course, name=f"Measure {number}", first_month=first)
        values = MonthlyValue.objects.bulk_create(
            MonthlyValue(team=team, measure=measure, month=add_months(first, month),
                         numerator=month, denominator=40)
            for month in range(months)
        )  # fmt: skip
        for value in values[:size]:
            ValueChange.objects.create(
                value=value, changed_by=contact, old_numerator=1, new_numerator=value.numerator
            )
        Baseline.objects.create(
            team=team,
            measure=measure,
            first_month=add_months(first, 2),
            months=2,
            created_by=contact,
        )
        for cycle in range(2 * size):
            make_cycle(team, [measure], start_date=add_months(first, cycle))
    for month in range(months):
        for kind in (RaterKind.SELF, RaterKind.FACULTY):
            AssessmentRating.objects.create(
                team=team, month=add_months(first, month), kind=kind, level=2, rated_by=contact
            )
    for number in range(size):
        ticked = make_item(course, f"Item {number}", sort_order=number)
        PreworkTick.objects.create(item=ticked, team=team, ticked_by=contact)
    make_item(course, "Modules", PreworkKind.MODULES, modules=modules_of(course)[:2])
    make_item(course, "Baseline", PreworkKind.BASELINE, baseline_months=2)
    for workshop in WorkshopPage.objects.child_of(course):
        for member in members:
            Attendance.objects.create(user=member, workshop=workshop, day=workshop.starts_at.date())
    return team, contact


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_team_page_queries_do_not_grow_with_the_team(client, home_page, prefix):
    index = make_index(home_page)
    counts = []
    for size in (1, 4):
        team, contact = collaborative(index, f"collab-{size}", size)
        client.force_login(contact)
        html = client.get(team_url(team, prefix)).content.decode()
        for text in (f"Measure {size - 1}", f"Item {size - 1}", f"{team.slug}/pdsa/"):
            assert text in html
        counts.append(count_queries(client, team_url(team, prefix)))
    assert counts[0] == counts[1]
    assert counts[1] <= TEAM_PAGE_QUERIES, counts


@pytest.mark.django_db
def test_a_renamed_level_and_its_new_translation_show_at_once(client, home_page):
    """The assessment levels are remembered for every reader until one changes."""
    team, contact = collaborative(make_index(home_page), "levels", 1)
    client.force_login(contact)
    level = AssessmentLevel.objects.get(level=2)
    assert level.name in client.get(team_url(team)).content.decode()
    level.name = "Testing changes on a small scale"
    level.save()
    assert "Testing changes on a small scale" in client.get(team_url(team)).content.decode()
    client.get(team_url(team, "/ar"))
    AssessmentLevelTranslation.objects.create(
        level=level, language_code="ar", name="اختبار التغيير"
    )
    assert "اختبار التغيير" in client.get(team_url(team, "/ar")).content.decode()
