"""Invitation links: sign up (or sign in) and be enrolled; expired, reused and forged
tokens are refused with a clear message."""

import time
from unittest import mock

import pytest
from django.core import mail

from applications.choices import ApplicationStatus
from applications.invitations import make_token
from applications.models import Invitation
from applications.review import decide
from courses.choices import EnrolmentStatus
from courses.models import Enrolment
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def invitation(application, editor):
    decide(application, ApplicationStatus.ACCEPTED, editor)
    return Invitation.objects.get(email="imran@example.org")


def link(invitation):
    return f"/applications/invitation/{make_token(invitation)}/"


def signup(client, username="imran"):
    return client.post(
        "/accounts/signup/",
        {
            "username": username,
            "email": f"{username}@example.org",
            "display_name": "Imran Butt",
            "password1": TEST_PASSWORD,
            "password2": TEST_PASSWORD,
        },
    )


def test_the_invitation_email_carries_a_working_sign_up_link(client, invitation):
    email = next(message for message in mail.outbox if message.to == ["imran@example.org"])
    path = email.body.split("http://testserver", 1)[1].split()[0]
    response = client.get(path)
    assert response.status_code == 200
    assert "Create an account" in response.content.decode()


def test_signing_up_after_following_the_link_enrols(client, invitation):
    assert client.get(link(invitation)).status_code == 200
    response = signup(client)
    assert response.status_code == 302
    user = Enrolment.objects.get(
        course=invitation.course, status=EnrolmentStatus.ACTIVE, user__username="imran"
    ).user
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None
    dashboard = client.get("/dashboard/").content.decode()
    assert "you are enrolled as a participant" in dashboard


def test_signing_in_after_following_the_link_enrols_that_account(client, invitation):
    person = UserFactory(username="imran-old", email="imran.work@example.org")
    client.get(link(invitation))
    assert (
        client.post(
            "/accounts/login/", {"username": "imran-old", "password": TEST_PASSWORD}
        ).status_code
        == 302
    )
    assert Enrolment.objects.filter(user=person, course=invitation.course).exists()


def test_a_signed_in_visitor_is_enrolled_at_once(client, invitation, stranger):
    client.force_login(stranger)
    response = client.get(link(invitation))
    assert response.status_code == 302 and response["Location"] == invitation.course.url
    assert Enrolment.objects.filter(
        user=stranger, course=invitation.course, status="active"
    ).exists()


def test_a_used_invitation_is_refused(client, invitation, stranger):
    client.force_login(stranger)
    client.get(link(invitation))
    client.logout()
    response = client.get(link(invitation))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    second = UserFactory(username="second")
    client.force_login(second)
    assert client.get(link(invitation)).status_code == 410
    assert not Enrolment.objects.filter(user=second).exists()


def test_a_token_used_in_the_session_meanwhile_enrols_nobody(client, invitation, stranger):
    """Two people opened the same link; the first to sign up uses it."""
    client.get(link(invitation))
    Invitation.objects.filter(pk=invitation.pk).update(
        used_at="2026-01-01T00:00Z", used_by=stranger
    )
    signup(client)
    assert not Enrolment.objects.filter(user__username="imran").exists()
    assert "already been used" in client.get("/dashboard/").content.decode()


def test_an_expired_invitation_is_refused(client, invitation):
    fifteen_days_ago = time.time() - 15 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_ago):
        token = make_token(invitation)
    response = client.get(f"/applications/invitation/{token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    signup(client)
    assert not Enrolment.objects.filter(user__username="imran").exists()


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-2] + "xx", lambda t: "7" + t[1:], lambda t: "nonsense"]
)
def test_a_forged_token_is_refused(client, invitation, tamper):
    response = client.get(f"/applications/invitation/{tamper(make_token(invitation))}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    signup(client)
    assert not Enrolment.objects.filter(user__username="imran").exists()
