"""Monthly entry at <course>/teams/<team>/data/: who may enter, what is saved with its
history, and every kind of bad input refused with a message, a 4xx and nothing written."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from improvement.choices import MeasureKind
from improvement.entry import last_month
from improvement.models import MonthlyValue, ValueChange
from improvement.months import add_months
from tests.courses.factories import enrol
from tests.error_summary import error_summary
from tests.factories import UserFactory
from tests.improvement.conftest import make_measure
from tests.teams.conftest import join
from tests.teams.test_pages import count_queries, team_url

PREFIXES = ["", "/ar", "/fa", "/ur"]


def data_url(team, prefix="", what=""):
    return team_url(team, prefix) + "data/" + what


@pytest.fixture
def languages(db):
    for code in ("ar", "fa", "ur"):
        Locale.objects.get_or_create(language_code=code)


@pytest.fixture
def measures(course):
    first = add_months(last_month(), -11)
    return [
        make_measure(course, name="Screened", first_month=first),
        make_measure(
            course,
            name="Started",
            kind=MeasureKind.COUNT,
            numerator_label="Patients starting",
            denominator_label="",
            first_month=first,
        ),
    ]


def month_data(measures, month=None, **values):
    """POST data for a month: values as m<index>_numerator etc., by the measure's place."""
    month = month or last_month()
    prefix = f"{month:%Y-%m}"
    data = {"month": prefix, f"{prefix}-version": values.pop("version", "")}
    for key, value in values.items():
        index, field = key[1:].split("_", 1)
        if index.isdigit():
            data[f"{prefix}-{measures[int(index)].pk}-{field}"] = value
        else:
            data[f"{prefix}-{key[1:]}"] = value
    return data


def test_data_contact_enters_last_month_and_history_is_kept(client, team, participant, measures):
    client.force_login(participant)
    page = client.get(data_url(team))
    assert page.status_code == 200
    assert "Patients starting" in page.content.decode()
    response = client.post(
        data_url(team),
        month_data(measures, m0_numerator="30", m0_denominator="40", m0_comment="New nurse"),
        follow=True,
    )
    assert "Saved: 1 values changed." in response.content.decode()
    value = MonthlyValue.objects.get(team=team, measure=measures[0], month=last_month())
    assert (value.numerator, value.denominator, value.comment) == (30, 40, "New nurse")
    assert value.entered_by == participant
    version = value.updated_at.isoformat()
    client.post(
        data_url(team),
        month_data(measures, version=version, m0_numerator="32", m0_denominator="40"),
    )
    changes = list(ValueChange.objects.filter(value=value).order_by("pk"))
    assert [(c.old_numerator, c.new_numerator) for c in changes] == [(None, 30), (30, 32)]
    assert changes[1].changed_by == participant
    html = client.get(team_url(team)).content.decode()
    assert "Changes to the data" in html and "30 / 40" in html and "32 / 40" in html


def test_no_data_this_month_needs_a_reason(client, team, participant, measures):
    client.force_login(participant)
    response = client.post(data_url(team), month_data(measures, mno_data="on"))
    assert response.status_code == 400
    assert "Say why there are no data this month." in response.content.decode()
    assert not MonthlyValue.objects.exists()
    client.post(data_url(team), month_data(measures, mno_data="on", mno_data_reason="Flood"))
    assert set(MonthlyValue.objects.values_list("no_data_reason", flat=True)) == {"Flood"}
    assert "Submitted" in client.get(team_url(team)).content.decode()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"m0_numerator": "many", "m0_denominator": "40"}, "Enter a number, such as 12 or 12.5."),
        ({"m1_numerator": "-3"}, "Enter zero or more: a count cannot be negative."),
        ({"m0_numerator": "41", "m0_denominator": "40"}, "cannot be more than the denominator"),
        ({"m0_numerator": "4"}, "Enter both numbers, or neither."),
    ],
)
def test_bad_numbers_are_refused_and_nothing_is_saved(
    client, team, participant, measures, values, message
):
    client.force_login(participant)
    data = month_data(measures, **({"m1_numerator": "12"} | values))
    response = client.post(data_url(team), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "Nothing was saved" in error_summary(response)
    assert not MonthlyValue.objects.exists() and not ValueChange.objects.exists()


@pytest.mark.parametrize("month", ["this", "before", "nonsense"])
def test_months_outside_the_open_range_are_refused(client, team, participant, measures, month):
    named = {
        "this": f"{timezone.localdate():%Y-%m}",
        "before": f"{add_months(measures[0].first_month, -1):%Y-%m}",
        "nonsense": "2025-13",
    }[month]
    client.force_login(participant)
    assert client.get(data_url(team) + f"?month={named}").status_code == 400
    data = month_data(measures, m1_numerator="5") | {"month": named}
    response = client.post(data_url(team), data)
    assert response.status_code == 400
    assert "Choose a month between" in response.content.decode()
    assert not MonthlyValue.objects.exists()


def test_month_choice_defaults_to_last_month_and_offers_no_future(
    client, team, participant, measures
):
    client.force_login(participant)
    html = client.get(data_url(team)).content.decode()
    assert f'value="{last_month():%Y-%m}" selected' in html
    assert f'value="{timezone.localdate():%Y-%m}"' not in html
    assert f'value="{measures[0].first_month:%Y-%m}"' in html


def test_facilitator_locks_a_month_and_it_refuses_changes(
    client, team, participant, facilitator, measures
):
    client.force_login(participant)
    client.post(data_url(team), month_data(measures, m1_numerator="12"))
    assert (
        client.post(data_url(team, what="lock/"), {"month": f"{last_month():%Y-%m}"}).status_code
        == 403
    )
    client.force_login(facilitator)
    client.post(data_url(team, what="lock/"), {"month": f"{last_month():%Y-%m}", "action": "lock"})
    assert MonthlyValue.objects.filter(team=team, month=last_month(), locked=True).count() == 2
    client.force_login(participant)
    assert "This month is locked" in client.get(data_url(team)).content.decode()
    response = client.post(data_url(team), month_data(measures, m1_numerator="99"))
    assert response.status_code == 409
    assert "ask a facilitator to unlock it" in response.content.decode()
    assert MonthlyValue.objects.get(measure=measures[1], month=last_month()).numerator == 12
    client.force_login(facilitator)
    client.post(
        data_url(team, what="lock/"), {"month": f"{last_month():%Y-%m}", "action": "unlock"}
    )
    assert not MonthlyValue.objects.filter(locked=True).exists()


def test_double_submit_changes_nothing_and_a_stale_edit_is_refused(
    client, team, participant, measures
):
    client.force_login(participant)
    data = month_data(measures, m1_numerator="12")
    client.post(data_url(team), data)
    again = client.post(data_url(team), data, follow=True)
    assert "Nothing changed: these values were already saved." in again.content.decode()
    assert ValueChange.objects.count() == 1
    stale = client.post(data_url(team), month_data(measures, m1_numerator="13"))
    assert stale.status_code == 409
    assert "Someone changed this month" in stale.content.decode()
    assert MonthlyValue.objects.get().numerator == 12


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_route_checks_access_under_every_prefix(
    client,
    languages,
    team,
    other_team,
    participant,
    facilitator,
    editor,
    stranger,
    measures,
    prefix,
):
    routes = ["", "baseline/", "template.csv"]
    client.force_login(participant)
    for route in routes:
        assert client.get(data_url(team, prefix, route)).status_code == 200
        assert client.get(data_url(other_team, prefix, route)).status_code == 404
    post = month_data(measures, m1_numerator="3")
    assert client.post(data_url(other_team, prefix), post).status_code == 404
    assert client.post(data_url(other_team, prefix, "lock/"), post).status_code == 404
    clinician = UserFactory(username="clinician2")
    enrol(clinician, team.course)
    join(team, clinician, "clinician")
    client.force_login(clinician)
    for route in routes:
        response = client.get(data_url(team, prefix, route))
        assert response.status_code == 403
    if not prefix:  # the reason, in English; the other languages say it in theirs
        assert "data contacts and the course" in response.content.decode()
    assert client.post(data_url(team, prefix), post).status_code == 403
    for someone in (facilitator, editor):
        client.force_login(someone)
        assert client.get(data_url(other_team, prefix)).status_code == 200
    client.force_login(stranger)
    for route in [*routes, "lock/"]:
        assert client.get(data_url(team, prefix, route)).status_code in (404, 405)
        assert client.post(data_url(team, prefix, route), post).status_code in (404, 405)
    client.logout()
    assert client.get(data_url(team, prefix)).status_code == 302
    assert not MonthlyValue.objects.exists()


def fill(team, measures, months):
    MonthlyValue.objects.bulk_create(
        MonthlyValue(team=team, measure=m, month=add_months(last_month(), -n), numerator=1)
        for m in measures
        for n in range(months)
    )


@pytest.mark.parametrize("route", ["", "baseline/"])
def test_entry_pages_cost_fixed_queries(client, team, facilitator, course, route):
    few = [
        make_measure(
            course,
            name="A",
            kind=MeasureKind.COUNT,
            denominator_label="",
            first_month=add_months(last_month(), -11),
        )
    ]
    fill(team, few, 12)
    client.force_login(facilitator)
    client.get(data_url(team, what=route))  # warm the site and locale caches
    small = count_queries(client, data_url(team, what=route))
    MonthlyValue.objects.all().delete()
    first = add_months(last_month(), -35)
    few[0].first_month = first
    few[0].save()
    many = few + [make_measure(course, name=f"M{n}", first_month=first) for n in range(3)]
    fill(team, many, 36)
    assert count_queries(client, data_url(team, what=route)) == small


def test_measure_starting_later_takes_no_values_before(client, team, participant, measures):
    later = measures[1]
    later.first_month = last_month()
    later.save()
    month = add_months(last_month(), -1)
    client.force_login(participant)
    html = client.get(data_url(team) + f"?month={month:%Y-%m}").content.decode()
    assert "Patients starting" not in html
    assert datetime.date.today() > month
