"""The monthly assessment scale: one rating per team, kind and month in the database,
on the scale only; team members rate their team, facilitators rate it as faculty; a
locked month refuses a change; the team page shows both with the gap; facilitators see
the collaborative's distribution and who has not rated; fixed queries."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from improvement.assessment import (
    LEVELS,
    AssessmentLevel,
    AssessmentLevelTranslation,
    AssessmentRating,
    RaterKind,
)
from improvement.assessment_section import rows
from improvement.models import MonthlyValue
from improvement.months import add_months, month_start
from tests.error_summary import error_summary
from tests.teams.conftest import make_team
from tests.teams.test_pages import count_queries, team_url

THIS_MONTH = month_start(timezone.localdate())


def rating_url(team, prefix=""):
    return prefix + team.course.url + f"teams/{team.slug}/assessment/"


def overview_url(course, prefix=""):
    return prefix + course.url + "assessment/"


def rate(client, team, level, month=THIS_MONTH, note="", prefix=""):
    data = {"level": level, "month": f"{month:%Y-%m}", "note": note}
    return client.post(rating_url(team, prefix), data)


def test_the_migration_made_the_nine_levels(db):
    levels = list(AssessmentLevel.objects.values_list("level", "name"))
    assert [level for level, _name in levels] == LEVELS
    assert levels[0][1] == "Forming team" and levels[-1][1] == "Outstanding sustainable results"


def test_the_database_refuses_a_level_off_the_scale_and_a_second_rating(team):
    AssessmentRating.objects.create(
        team=team, month=THIS_MONTH, kind=RaterKind.SELF, level=Decimal("2.5")
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentRating.objects.create(
            team=team, month=THIS_MONTH, kind=RaterKind.SELF, level=Decimal("3.0")
        )
    for off_scale in ("3.3", "6.0", "0.5"):
        with pytest.raises(IntegrityError), transaction.atomic():
            AssessmentRating.objects.filter(team=team).update(level=Decimal(off_scale))
    # The faculty rating of the same month is another row.
    AssessmentRating.objects.create(
        team=team, month=THIS_MONTH, kind=RaterKind.FACULTY, level=Decimal("2.0")
    )


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_a_member_rates_the_team_and_a_facilitator_rates_as_faculty(
    client, team, participant, facilitator, prefix
):
    Locale.objects.get_or_create(language_code=prefix.strip("/") or "en")
    client.force_login(participant)
    assert client.get(rating_url(team, prefix)).status_code == 200
    response = rate(client, team, "2.5", note="Two clinics started screening", prefix=prefix)
    assert response.status_code == 302
    client.force_login(facilitator)
    assert rate(client, team, "1.5", prefix=prefix).status_code == 302
    stored = {r.kind: (r.level, r.rated_by) for r in AssessmentRating.objects.filter(team=team)}
    assert stored == {
        RaterKind.SELF: (Decimal("2.5"), participant),
        RaterKind.FACULTY: (Decimal("1.5"), facilitator),
    }


def test_a_rating_changes_until_the_month_is_locked(client, team, participant, measure):
    client.force_login(participant)
    rate(client, team, "2.0")
    assert rate(client, team, "3.0").status_code == 302
    assert AssessmentRating.objects.get(team=team).level == Decimal("3.0")
    MonthlyValue.objects.create(team=team, measure=measure, month=THIS_MONTH, locked=True)
    response = rate(client, team, "4.0")
    assert response.status_code == 409
    assert "locked" in response.content.decode()
    assert AssessmentRating.objects.get(team=team).level == Decimal("3.0")
    assert "locked" in client.get(rating_url(team)).content.decode()


@pytest.mark.parametrize("level", ["3.3", "6", "6.0", "", "abc", "1"])
def test_a_level_off_the_scale_is_refused_and_nothing_stored(client, team, participant, level):
    client.force_login(participant)
    response = rate(client, team, level)
    assert response.status_code == 400
    assert "Choose a level of the scale" in error_summary(response)
    assert not AssessmentRating.objects.exists()


@pytest.mark.parametrize("month", ["2001-01", "2999-12", "13-2025", "x"])
def test_a_month_not_open_is_refused(client, team, participant, month):
    client.force_login(participant)
    response = client.post(rating_url(team), {"level": "2.0", "month": month})
    assert response.status_code == 400
    assert not AssessmentRating.objects.exists()


def test_outsiders_cannot_rate(client, team, other_team, participant, stranger):
    assert rate(client, team, "2.0").status_code == 302  # sign in first
    client.force_login(stranger)
    assert rate(client, team, "2.0").status_code == 404
    client.force_login(participant)
    assert rate(client, other_team, "2.0").status_code == 404  # not their team
    assert not AssessmentRating.objects.exists()


def test_the_team_page_shows_both_ratings_and_the_gap(client, team, participant):
    last = add_months(THIS_MONTH, -1)
    AssessmentRating.objects.create(team=team, month=last, kind="self", level=Decimal("3.5"))
    AssessmentRating.objects.create(team=team, month=last, kind="faculty", level=Decimal("2.0"))
    client.force_login(participant)
    html = client.get(team_url(team)).content.decode()
    assert "Assessment scale" in html and "Rate your team" in html
    assert "<bdi>+1.5</bdi>" in html  # the gap: the team rates itself higher
    assert "the team rated itself 3.5, the faculty 2.0 (gap +1.5)" in html
    assert "Significant improvement" not in html and "Improvement" in html


def test_level_names_follow_the_reader_language(client, team, participant):
    level = AssessmentLevel.objects.get(level=Decimal("1.0"))
    AssessmentLevelTranslation.objects.create(
        level=level, language_code="ar", name="تشكيل الفريق", description=""
    )
    AssessmentRating.objects.create(team=team, month=THIS_MONTH, kind="self", level=level.level)
    Locale.objects.get_or_create(language_code="ar")
    client.force_login(participant)
    html = client.get(team_url(team, "/ar")).content.decode()
    assert "تشكيل الفريق" in html
    assert 'x2="624" y1="186.0"' in html  # coordinates stay numbers SVG reads
    english = client.get(rating_url(team, "/ar")).content.decode()
    assert 'lang="en" dir="ltr">Planning for the project has begun' in english


def test_rows_cover_every_month_oldest_first(team):
    months = [row.month for row in rows(team, team.course)]
    assert months[-1] == THIS_MONTH and months == sorted(months)


def fill_ratings(teams, months):
    AssessmentRating.objects.bulk_create(
        AssessmentRating(
            team=team,
            month=add_months(THIS_MONTH, -n),
            kind=kind,
            level=LEVELS[(n + index) % len(LEVELS)],
        )
        for index, team in enumerate(teams)
        for n in range(months)
        for kind in RaterKind
    )


def test_pages_cost_fixed_queries_whatever_the_months_and_teams(client, course, team, facilitator):
    """A course of 3 months against one of 36, with 1 team against 8."""
    course.start_date = add_months(THIS_MONTH, -2)
    course.save()
    fill_ratings([team], 3)
    client.force_login(facilitator)
    client.get(team_url(team))  # warm the site and locale caches
    small = [count_queries(client, url) for url in (team_url(team), overview_url(course))]
    course.start_date = add_months(THIS_MONTH, -35)
    course.save()
    teams = [team] + [make_team(course, slug=f"team-{n}") for n in range(7)]
    AssessmentRating.objects.all().delete()
    fill_ratings(teams, 36)
    large = [count_queries(client, url) for url in (team_url(team), overview_url(course))]
    assert large == small
    html = client.get(overview_url(course)).content.decode()
    assert html.count('scope="rowgroup"') == 36


def test_facilitators_see_the_distribution_and_who_has_not_rated(
    client, course, team, other_team, participant, facilitator
):
    AssessmentRating.objects.create(team=team, month=THIS_MONTH, kind="self", level=Decimal("2.0"))
    AssessmentRating.objects.create(
        team=other_team, month=THIS_MONTH, kind="faculty", level=Decimal("2.0")
    )
    client.force_login(facilitator)
    html = client.get(overview_url(course)).content.decode()
    unrated = html.split('id="unrated-heading"')[1].split('id="distribution-heading"')[0]
    by_team, by_faculty = unrated.split("No faculty rating")
    assert "Team cairo" in by_team and "Team karachi" not in by_team
    assert "Team karachi" in by_faculty and "Team cairo" not in by_faculty
    assert "<strong>1</strong>" in html  # one team at 2.0 by each kind
    assert overview_url(course) in client.get(team_url(team)).content.decode()
    client.force_login(participant)
    assert client.get(overview_url(course)).status_code == 403
    assert overview_url(course) not in client.get(team_url(team)).content.decode()


def test_a_learning_community_has_no_assessment(client, course, team, facilitator):
    course.programme_form = "community"
    course.save()
    client.force_login(facilitator)
    assert client.get(overview_url(course)).status_code == 404
    assert client.get(rating_url(team)).status_code == 404


def test_a_month_before_the_course_is_not_open(client, course, team, participant):
    client.force_login(participant)
    before = add_months(month_start(course.start_date), -1)
    assert rate(client, team, "2.0", month=before).status_code == 400
