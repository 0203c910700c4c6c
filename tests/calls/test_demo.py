"""The demo's calls: a held informational call with attendance and Q&A, a full one to
come with a waiting list, and a monthly consultation series with a case queue; loading
twice changes nothing."""

from django.core.management import call_command
from django.http import HttpRequest

from calls.models import (
    CallRegistration,
    CaseOffer,
    ConsultationAttendance,
    ConsultationSeries,
    InformationalCall,
)
from calls.recurrence import occurrences


def counts():
    return [
        model.objects.count()
        for model in (
            InformationalCall,
            CallRegistration,
            ConsultationSeries,
            CaseOffer,
            ConsultationAttendance,
        )
    ]


def test_demo_calls(client, db):
    call_command("load_demo", force=True)
    held, upcoming = InformationalCall.objects.order_by("starts_at")
    assert held.is_past and held.questions_and_answers and held.recording_url
    assert held.registrations.filter(attended=True).count() >= 3
    assert not upcoming.is_past
    assert upcoming.registrations.filter(status="waiting").exists()
    assert upcoming.registrations.filter(status="registered").count() == upcoming.capacity
    series = ConsultationSeries.objects.get()
    assert (series.frequency, series.ordinal, series.time_zone) == ("monthly", 2, "Asia/Amman")
    assert series.cancellations.exists()
    assert set(CaseOffer.objects.values_list("status", flat=True)) == {
        "pending",
        "approved",
        "declined",
    }
    before = counts()
    call_command("load_demo", force=True)
    assert counts() == before

    course = series.course
    offer = CaseOffer.objects.first()
    day = f"{course.url}consultations/{series.pk}/{offer.date.isoformat()}/"
    assert client.login(username="facilitator", password="collab-demo", request=HttpRequest())
    content = client.get(day).content.decode()
    assert all(o.title in content for o in CaseOffer.objects.all())
    assert client.get(f"{course.url}hours/").status_code == 200
    assert client.login(username="learner", password="collab-demo", request=HttpRequest())
    assert client.get(f"{upcoming.course.url}calls/{upcoming.pk}/").status_code == 200
    assert len(occurrences(series)) == 9
