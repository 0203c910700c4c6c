"""The call pages: what each person sees, the facilitators' registrations and
attendance, the recording and Q&A after the call, in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from calls import registration as places
from calls.models import CallRegistration, InformationalCall
from tests.calls.conftest import make_call, route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PREFIXES = ["", "ar", "fa", "ur"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_who_registered_is_for_facilitators_only(
    client, course, call, stranger, participant, facilitator, prefix
):
    places.register(call, UserFactory(display_name="Hidden Registrant"))
    page = route(course, "call", prefix, call_id=call.pk)
    for outsider in (stranger, participant):
        client.force_login(outsider)
        content = client.get(page).content.decode()
        assert "Hidden Registrant" not in content
        assert "https://meet.example.org/info-call" not in content
    client.force_login(facilitator)
    assert "Hidden Registrant" in client.get(page).content.decode()


@pytest.mark.parametrize("prefix", ["", "ar"])
def test_attendance_and_notes_are_refused_to_others(
    client, course, call, stranger, participant, prefix
):
    registration = places.register(call, stranger)
    for person in (stranger, participant):
        client.force_login(person)
        url = route(course, "call_attendance", prefix, call_id=call.pk)
        assert client.post(url, {"attended": [stranger.pk]}).status_code == 404
        notes = route(course, "call_notes", prefix, call_id=call.pk)
        response = client.post(notes, {"questions_and_answers": "forged"})
        assert response.status_code == 404
    registration.refresh_from_db()
    call.refresh_from_db()
    assert not registration.attended
    assert call.questions_and_answers == ""


def test_facilitators_take_attendance(client, course, past_call, facilitator):
    came, missed = UserFactory(), UserFactory()
    for person in (came, missed):
        CallRegistration.objects.create(call=past_call, user=person)
    client.force_login(facilitator)
    url = route(course, "call_attendance", call_id=past_call.pk)
    response = client.post(url, {"attended": [came.pk]}, follow=True)
    assert "Attendance is saved." in response.content.decode()
    attended = dict(CallRegistration.objects.values_list("user_id", "attended"))
    assert attended == {came.pk: True, missed.pk: False}


def test_attendance_for_someone_without_a_place_is_400(client, course, call, facilitator):
    places.register(call, UserFactory())
    client.force_login(facilitator)
    url = route(course, "call_attendance", call_id=call.pk)
    assert client.post(url, {"attended": [facilitator.pk]}).status_code == 400
    assert client.post(url, {"attended": ["x"]}).status_code == 400
    assert not CallRegistration.objects.filter(attended=True).exists()


def test_after_the_call_its_page_shows_the_recording_and_escaped_q_and_a(
    client, course, past_call, facilitator, stranger
):
    client.force_login(facilitator)
    notes = route(course, "call_notes", call_id=past_call.pk)
    text = "Q: Can a district team apply?\n\nA: Yes <script>alert(1)</script>"
    data = {"recording_url": "https://video.example.org/rec", "questions_and_answers": text}
    assert client.post(notes, data).status_code == 302
    client.force_login(stranger)
    content = client.get(route(course, "call", "ar", call_id=past_call.pk)).content.decode()
    assert "https://video.example.org/rec" in content
    assert "Can a district team apply?" in content
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_a_bad_recording_link_is_400_and_nothing_saved(client, course, past_call, facilitator):
    client.force_login(facilitator)
    notes = route(course, "call_notes", call_id=past_call.pk)
    response = client.post(notes, {"recording_url": "not a link", "questions_and_answers": "x"})
    assert response.status_code == 400
    past_call.refresh_from_db()
    assert past_call.questions_and_answers == ""


def test_the_course_lists_its_calls_with_your_place(client, course, call, stranger):
    make_call(course, days=9, title="Second call")
    places.register(call, stranger)
    client.force_login(stranger)
    content = client.get(route(course, "calls")).content.decode()
    assert "What the collaborative asks of a team" in content
    assert "Second call" in content
    assert "registered" in content
    assert route(course, "calls") in client.get(course.url).content.decode()


def queries(client, url):
    client.get(url)  # the first request of a session fills per-process caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_call_list_costs_the_same_for_two_and_twenty_calls(client, course, stranger):
    client.force_login(stranger)
    url = route(course, "calls")
    counts = []
    for size in (2, 20):
        while InformationalCall.objects.count() < size:
            places.register(make_call(course, days=InformationalCall.objects.count() + 2), stranger)
        counts.append(queries(client, url))
    assert counts[0] == counts[1]


def test_the_dashboard_lists_your_calls_to_come(client, course, call, past_call, stranger):
    places.register(call, stranger)
    CallRegistration.objects.create(call=past_call, user=stranger)
    client.force_login(stranger)
    content = client.get("/dashboard/").content.decode()
    assert "My informational calls" in content
    assert route(course, "call", call_id=call.pk) in content
    assert route(course, "call", call_id=past_call.pk) not in content
