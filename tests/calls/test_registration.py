"""Registering for informational calls: a place or the waiting list, cancelling and
promotion, and the refusals (double, past), with the emails they send."""

import pytest
from django.core import mail

from calls.choices import RegistrationStatus
from calls.models import CallRegistration
from tests.calls.conftest import route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def post(client, user, course, name, call, prefix=""):
    client.force_login(user)
    return client.post(route(course, name, prefix, call_id=call.pk), follow=True)


def test_registering_gives_a_place_and_emails_the_join_link(
    client, course, call, stranger, django_capture_on_commit_callbacks
):
    stranger.preferred_language = "ar"
    stranger.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, stranger, course, "call_register", call)
    assert response.status_code == 200
    assert CallRegistration.objects.get(call=call, user=stranger).status == "registered"
    assert "https://meet.example.org/info-call" in response.content.decode()
    (email,) = mail.outbox
    assert email.to == [stranger.email]
    assert "https://meet.example.org/info-call" in email.body
    assert "Dear" not in email.body  # written in the reader's language (Arabic)


def test_a_full_call_puts_people_on_the_waiting_list_and_says_so(
    client, course, call, django_capture_on_commit_callbacks
):
    first, second, third = (UserFactory() for _ in range(3))
    for person in (first, second):
        post(client, person, course, "call_register", call)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, third, course, "call_register", call)
    content = response.content.decode()
    assert "The call is full: you are on the waiting list" in content
    assert "in place <bdi>1</bdi>" in content
    assert "https://meet.example.org/info-call" not in content
    assert CallRegistration.objects.get(user=third).status == RegistrationStatus.WAITING
    assert mail.outbox == []  # no join link for the waiting list


def test_cancelling_promotes_the_first_person_waiting_and_emails_them(
    client, course, call, django_capture_on_commit_callbacks
):
    first, second, third, fourth = (UserFactory() for _ in range(4))
    for person in (first, second, third, fourth):
        post(client, person, course, "call_register", call)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, first, course, "call_cancel", call)
    assert "Your registration is cancelled." in response.content.decode()
    statuses = dict(CallRegistration.objects.values_list("user_id", "status"))
    assert first.pk not in statuses
    assert statuses[third.pk] == RegistrationStatus.REGISTERED
    assert statuses[fourth.pk] == RegistrationStatus.WAITING
    (email,) = mail.outbox
    assert email.to == [third.email]


def test_cancelling_a_waiting_place_promotes_nobody(client, course, call):
    people = [UserFactory() for _ in range(4)]
    for person in people:
        post(client, person, course, "call_register", call)
    post(client, people[2], course, "call_cancel", call)
    assert CallRegistration.objects.get(user=people[3]).status == RegistrationStatus.WAITING


def test_a_double_registration_is_409_with_the_reason(client, course, call, stranger):
    post(client, stranger, course, "call_register", call)
    response = post(client, stranger, course, "call_register", call, prefix="ar")
    assert response.status_code == 409
    assert CallRegistration.objects.filter(user=stranger).count() == 1


def test_a_past_call_refuses_registration(client, course, past_call, stranger):
    response = post(client, stranger, course, "call_register", past_call)
    assert response.status_code == 400
    assert "already taken place" in response.content.decode()
    assert not CallRegistration.objects.exists()


def test_cancelling_without_a_registration_is_409(client, course, call, stranger):
    assert post(client, stranger, course, "call_cancel", call).status_code == 409


def test_visitors_are_sent_to_sign_in(client, course, call):
    response = client.post(route(course, "call_register", call_id=call.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not CallRegistration.objects.exists()


def test_a_call_of_another_course_is_404(client, course, open_course, stranger):
    from tests.calls.conftest import make_call

    elsewhere = make_call(open_course)
    response = post(client, stranger, course, "call_register", elsewhere)
    assert response.status_code == 404
