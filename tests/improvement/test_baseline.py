"""Past months at once: a grid of months × measures, and a CSV upload checked whole
before anything is stored, with a template to fill in."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from improvement.entry import last_month
from improvement.models import MonthlyValue, ValueChange
from improvement.months import add_months
from tests.error_summary import error_summary
from tests.improvement.test_entry import data_url, measures  # noqa: F401 (a fixture)

FIRST = add_months(last_month(), -11)


def upload(client, team, text):
    data = {"file": SimpleUploadedFile("data.csv", text.encode(), content_type="text/csv")}
    return client.post(data_url(team, what="baseline/"), data)


def test_grid_saves_several_months_at_once(client, team, participant, measures):  # noqa: F811
    client.force_login(participant)
    page = client.get(data_url(team, what="baseline/")).content.decode()
    assert page.count("<tr>") == 13  # a row per open month, and the heading
    first, second = (f"{add_months(FIRST, n):%Y-%m}" for n in (0, 1))
    grid = {
        "grid": "1",
        f"{first}-{measures[0].pk}-numerator": "10",
        f"{first}-{measures[0].pk}-denominator": "20",
        f"{second}-{measures[1].pk}-numerator": "7",
    }
    response = client.post(data_url(team, what="baseline/"), grid, follow=True)
    assert "Saved: 2 values changed." in response.content.decode()
    assert sorted(MonthlyValue.objects.values_list("month", "numerator")) == [
        (FIRST, 10),
        (add_months(FIRST, 1), 7),
    ]


def test_a_bad_cell_in_the_grid_saves_nothing(client, team, participant, measures):  # noqa: F811
    client.force_login(participant)
    first, second = (f"{add_months(FIRST, n):%Y-%m}" for n in (0, 1))
    grid = {
        "grid": "1",
        f"{first}-{measures[1].pk}-numerator": "10",
        f"{second}-{measures[0].pk}-numerator": "30",
        f"{second}-{measures[0].pk}-denominator": "20",
    }
    response = client.post(data_url(team, what="baseline/"), grid)
    assert response.status_code == 400
    assert "cannot be more than the denominator" in error_summary(response)
    assert not MonthlyValue.objects.exists()


def test_template_lists_every_open_month_and_measure(client, team, participant, measures):  # noqa: F811
    MonthlyValue.objects.create(
        team=team, measure=measures[0], month=FIRST, numerator=3, denominator=4, comment="=1+1"
    )
    client.force_login(participant)
    response = client.get(data_url(team, what="template.csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["month", "measure", "numerator", "denominator", "comment"]
    assert len(rows) == 1 + 12 * 2
    assert rows[1] == [f"{FIRST:%Y-%m}", "Screened", "3.00", "4.00", "'=1+1"]


def test_csv_upload_saves_all_rows_and_keeps_what_it_leaves_out(
    client,
    team,
    participant,
    measures,  # noqa: F811
):
    MonthlyValue.objects.create(team=team, measure=measures[1], month=FIRST, numerator=5)
    client.force_login(participant)
    text = (
        "month,measure,numerator,denominator,comment\n"
        f"{FIRST:%Y-%m},Screened,10,20,Baseline from the register\n"
        f"{add_months(FIRST, 1):%Y-%m},started,8,,\n"
    )
    response = upload(client, team, text)
    assert response.status_code == 302
    stored = dict(
        MonthlyValue.objects.values_list("measure__name", "numerator").filter(month=FIRST)
    )
    assert stored == {"Screened": 10, "Started": 5}
    assert MonthlyValue.objects.get(month=add_months(FIRST, 1)).numerator == 8
    assert ValueChange.objects.count() == 2
    again = client.get(data_url(team, what="baseline/"))
    assert "Saved: 2 values changed." in again.content.decode()
    assert upload(client, team, text).status_code == 302  # the same file again
    assert ValueChange.objects.count() == 2


def test_csv_with_any_bad_row_saves_nothing_and_names_every_line(
    client,
    team,
    participant,
    measures,  # noqa: F811
):
    client.force_login(participant)
    this_month = add_months(last_month(), 1)
    text = (
        "month,measure,numerator,denominator,comment\n"
        f"{FIRST:%Y-%m},Screened,10,20,\n"
        f"{this_month:%Y-%m},Screened,1,2,\n"
        f"{FIRST:%Y-%m},Unknown,1,2,\n"
        f"{add_months(FIRST, 1):%Y-%m},Screened,30,20,\n"
        f"{add_months(FIRST, 2):%Y-%m},Started,-1,,\n"
        f"{add_months(FIRST, 3):%Y-%m},Started,lots,,\n"
        f"{add_months(FIRST, 4):%Y-%m},Started,1,,=HYPERLINK()\n"
        f"{FIRST:%Y-%m},Screened,11,20,\n"
    )
    response = upload(client, team, text)
    assert response.status_code == 400
    html = response.content.decode()
    for line in range(3, 10):
        assert f"Line {line}" in html
    assert "same month and measure as line 2" in html
    assert not MonthlyValue.objects.exists()


def test_csv_header_and_encoding_are_checked(client, team, participant, measures):  # noqa: F811
    client.force_login(participant)
    assert upload(client, team, "when,what\n2025-01,x\n").status_code == 400
    data = {"file": SimpleUploadedFile("data.csv", b"month\xff", content_type="text/csv")}
    response = client.post(data_url(team, what="baseline/"), data)
    assert response.status_code == 400 and "not UTF-8" in response.content.decode()
    response = client.post(data_url(team, what="baseline/"), {})
    assert "Choose a CSV file to upload." in response.content.decode()


def test_csv_row_for_a_locked_month_is_refused(
    client,
    team,
    participant,
    measures,  # noqa: F811
):
    MonthlyValue.objects.create(
        team=team, measure=measures[1], month=FIRST, numerator=5, locked=True
    )
    client.force_login(participant)
    text = f"month,measure,numerator,denominator,comment\n{FIRST:%Y-%m},Started,6,,\n"
    response = upload(client, team, text)
    assert response.status_code == 400
    assert "is locked" in response.content.decode()
    assert MonthlyValue.objects.get().numerator == 5
