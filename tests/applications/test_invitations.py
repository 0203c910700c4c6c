"""Invitation links: sign up (or sign in and accept) and be enrolled; expired, reused
and forged tokens are refused with a clear message. Who may accept an invitation is
tested in tests/security/test_invitation_recipient.py."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from applications.choices import ApplicationStatus
from applications.invitations import make_token
from applications.models import Invitation
from applications.review import decide
from courses.choices import EnrolmentStatus
from courses.models import Enrolment
from home.models import User
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def invitation(application, editor):
    decide(application, ApplicationStatus.ACCEPTED, editor)
    return Invitation.objects.get(email="imran@example.org")


def link(invitation):
    return f"/applications/invitation/{make_token(invitation)}/"


def signup(client, invitation=None, username="imran", invitation_token=None):
    token = invitation_token or (invitation and make_token(invitation))
    query = f"?invitation={token}" if token else ""
    return client.post(
        f"/accounts/signup/{query}",
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
    page = response.content.decode()
    assert "Create an account" in page
    sign_up = client.get(f"/accounts/signup/?invitation={make_token(invitation)}")
    assert sign_up.context["form"]["email"].value() == "imran@example.org"


def test_signing_up_through_the_invitation_enrols_with_a_confirmed_address(client, invitation):
    response = signup(client, invitation, username="imran-b")
    assert response.status_code == 302 and response["Location"] == invitation.course.url
    user = Enrolment.objects.get(
        course=invitation.course, status=EnrolmentStatus.ACTIVE, user__username="imran-b"
    ).user
    # The address is the invitation's, whatever the form sent: the token proved it.
    assert (user.email, user.email_confirmed, user.is_active) == ("imran@example.org", True, True)
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None
    dashboard = client.get("/dashboard/").content.decode()
    assert "you are enrolled as a participant" in dashboard


def test_signing_in_and_accepting_enrols_that_account(client, invitation):
    person = UserFactory(username="imran-old", email="Imran@example.org")
    client.get(link(invitation))
    login = {"username": "imran-old", "password": TEST_PASSWORD}
    assert client.post(f"/accounts/login/?next={link(invitation)}", login)["Location"] == (
        link(invitation)
    )
    assert not Enrolment.objects.filter(user=person).exists()  # signing in accepts nothing
    page = client.get(link(invitation))
    assert page.status_code == 200 and "Accept the invitation" in page.content.decode()
    response = client.post(link(invitation))
    assert response.status_code == 302 and response["Location"] == invitation.course.url
    assert Enrolment.objects.filter(user=person, course=invitation.course).exists()


def test_a_used_invitation_is_refused(client, invitation):
    person = UserFactory(username="imran-old", email="imran@example.org")
    client.force_login(person)
    client.post(link(invitation))
    client.logout()
    response = client.get(link(invitation))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert client.post(link(invitation)).status_code == 410
    assert signup(client, invitation).status_code == 410
    assert not User.objects.filter(username="imran").exists()


def test_an_invitation_used_meanwhile_stores_no_account(client, invitation, stranger, monkeypatch):
    """Two people opened the same link; the first to sign up uses it."""
    from applications import invitations

    real_read = invitations.read_token

    def read_then_used_by_someone_else(token):
        found = real_read(token)
        Invitation.objects.filter(pk=found.pk).update(used_at=timezone.now(), used_by=stranger)
        return found

    monkeypatch.setattr(invitations, "read_token", read_then_used_by_someone_else)
    response = signup(client, invitation)
    assert response.status_code == 410
    assert not User.objects.filter(username="imran").exists()


def test_an_expired_invitation_is_refused(client, invitation):
    fifteen_days_ago = time.time() - 15 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_ago):
        token = make_token(invitation)
    response = client.get(f"/applications/invitation/{token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert signup(client, invitation_token=token).status_code == 410
    assert not User.objects.filter(username="imran").exists()


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-2] + "xx", lambda t: "7" + t[1:], lambda t: "nonsense"]
)
def test_a_forged_token_is_refused(client, invitation, tamper):
    response = client.get(f"/applications/invitation/{tamper(make_token(invitation))}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    forged = tamper(make_token(invitation))
    assert signup(client, invitation_token=forged).status_code == 400
    assert not User.objects.filter(username="imran").exists()
