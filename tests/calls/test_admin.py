"""Editors define calls and series in the admin; facilitators do not reach it."""

import pytest

from calls.models import ConsultationSeries

pytestmark = pytest.mark.django_db

CALLS = "/admin/snippets/calls/informationalcall/"
SERIES = "/admin/snippets/calls/consultationseries/"


def test_editors_open_the_calls_admin_and_facilitators_do_not(client, editor, facilitator):
    client.force_login(editor)
    for url in (CALLS, f"{CALLS}add/", SERIES, f"{SERIES}add/"):
        assert client.get(url).status_code == 200, url
    client.force_login(facilitator)
    assert client.get(f"{SERIES}add/").status_code in (302, 403)


def test_a_monthly_series_without_its_week_is_refused(client, editor, course):
    client.force_login(editor)
    data = {
        "course": course.pk,
        "title": "Monthly call",
        "frequency": "monthly",
        "ordinal": "",
        "weekday": "1",
        "start_time": "14:00",
        "duration_minutes": "60",
        "time_zone": "Asia/Amman",
        "starts_on": "2027-01-01",
        "count": "6",
        "until": "",
        "join_url": "",
        "cancellations-TOTAL_FORMS": "0",
        "cancellations-INITIAL_FORMS": "0",
        "cancellations-MIN_NUM_FORMS": "0",
        "cancellations-MAX_NUM_FORMS": "1000",
    }
    response = client.post(f"{SERIES}add/", data)
    assert response.status_code == 200
    assert "Choose which weekday of the month." in response.content.decode()
    assert not ConsultationSeries.objects.exists()
    data["ordinal"] = "2"
    assert client.post(f"{SERIES}add/", data).status_code == 302
    assert ConsultationSeries.objects.get().ordinal == 2
