"""Issue 13, findings 7 and 12: sign-up proves the address and reveals nothing about
it; invitations and accepted core teams trust only a confirmed address."""

import re

import pytest
from django.core import mail

from applications.choices import ApplicationStatus
from applications.invitations import make_token
from applications.models import Invitation
from applications.review import decide
from courses.models import Enrolment
from home.models import User
from teams.models import TeamMember
from tests.applications.conftest import applicant, application, open_course  # noqa: F401
from tests.courses.conftest import course_index  # noqa: F401
from tests.factories import UserFactory

SIGNUP = {
    "username": "newcomer",
    "display_name": "Omar Khaled",
    "organisation": "Irbid Community Clinic",
    "country": "Jordan",
    "password1": "a-strong-passphrase-42",
    "password2": "a-strong-passphrase-42",
}


def link_in(message):
    return re.search(r"http://testserver(/\S+/)", message.body).group(1)


@pytest.fixture
def owner(db):
    return UserFactory(username="samira", email="samira@example.org", display_name="Samira")


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_sign_up_answers_the_same_for_a_known_and_an_unknown_address(
    client, home_page, owner, prefix
):
    known = client.post(f"{prefix}/accounts/signup/", {**SIGNUP, "email": "SAMIRA@example.org"})
    unknown = client.post(
        f"{prefix}/accounts/signup/", {**SIGNUP, "username": "other", "email": "new@example.org"}
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == f"{prefix}/accounts/signup/done/"
    assert "already exists" not in known.content.decode()
    # No second account for the known address; the new one waits for its confirmation.
    assert not User.objects.filter(username="newcomer").exists()
    assert User.objects.get(username="other").is_active is False

    to_owner, to_newcomer = mail.outbox
    assert to_owner.to == ["samira@example.org"]
    assert "Someone tried to sign up with your email address" in to_owner.subject
    assert "/accounts/password_reset/" in to_owner.body and "samira" in to_owner.body
    assert "/accounts/confirm/" not in to_owner.body
    assert to_newcomer.to == ["new@example.org"]
    assert "/accounts/confirm/" in link_in(to_newcomer)


def test_signing_in_tells_nothing_about_an_address_either(client, home_page, owner):
    """Before confirming, a new account cannot sign in, so trying the password chosen at
    sign-up fails alike whether the address was known (no account) or not (inactive)."""
    client.post("/accounts/signup/", {**SIGNUP, "email": "samira@example.org"})
    client.post("/accounts/signup/", {**SIGNUP, "username": "other", "email": "new@example.org"})
    for username in ("newcomer", "other"):
        response = client.post(
            "/accounts/login/", {"username": username, "password": SIGNUP["password1"]}
        )
        assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_a_confirmation_link_is_tied_to_the_account_and_its_address(client, home_page):
    client.post("/accounts/signup/", {**SIGNUP, "email": "new@example.org"})
    link = link_in(mail.outbox[0])
    User.objects.filter(username="newcomer").update(email="changed@example.org")
    assert client.post(link).status_code == 400
    assert client.post(link[:-3] + "xx/").status_code == 400
    assert User.objects.get(username="newcomer").email_confirmed is False


def test_an_unconfirmed_account_asks_for_a_new_link_on_its_profile(client, home_page):
    person = UserFactory(username="unsure", email="unsure@example.org", email_confirmed=False)
    client.force_login(person)
    assert "is not confirmed yet" in client.get("/accounts/profile/").content.decode()
    assert client.get("/accounts/confirm-again/").status_code == 405
    assert client.post("/accounts/confirm-again/").status_code == 302
    (message,) = mail.outbox
    assert message.to == ["unsure@example.org"]
    client.post(link_in(message))
    person.refresh_from_db()
    assert person.email_confirmed and person.is_active
    assert "is confirmed" in client.get("/accounts/profile/").content.decode()


def test_changing_the_address_needs_a_new_confirmation(owner):
    owner.email = "samira.haddad@example.org"
    owner.save()
    owner.refresh_from_db()
    assert owner.email_confirmed is False


def test_a_password_reset_confirms_the_address_and_frees_a_squatted_one(client, home_page):
    """Someone signed up first with Samira's address; she never confirmed that account,
    so her reset link lets her take it over (its password is then hers)."""
    client.post("/accounts/signup/", {**SIGNUP, "email": "samira@example.org"})
    mail.outbox.clear()
    client.post("/accounts/password_reset/", {"email": "samira@example.org"})
    (message,) = mail.outbox
    form = client.get(link_in(message), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "hers-now-and-long-7", "new_password2": "hers-now-and-long-7"},
    )
    squatted = User.objects.get(username="newcomer")
    assert squatted.email_confirmed and squatted.is_active
    assert not squatted.check_password(SIGNUP["password1"])


# Invitations (finding 7b)


@pytest.fixture
def invitation(application, editor):  # noqa: F811
    decide(application, ApplicationStatus.ACCEPTED, editor)
    return Invitation.objects.get(email="imran@example.org")


def invitation_path(invitation, prefix=""):
    return f"{prefix}/applications/invitation/{make_token(invitation)}/"


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_a_signed_in_stranger_cannot_use_someone_elses_invitation(client, invitation, prefix):
    stranger = UserFactory(username="stranger", email="stranger@example.org")
    client.force_login(stranger)
    for method in (client.get, client.post):
        response = method(invitation_path(invitation, prefix))
        assert response.status_code == 403
        if not prefix:  # the other languages say it in their words
            assert "sent to another email address" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert not Enrolment.objects.filter(user=stranger).exists()


def test_opening_an_invitation_uses_nothing_until_the_invited_person_accepts(client, invitation):
    imran = UserFactory(username="imran", email="imran@example.org")
    client.force_login(imran)
    assert client.get(invitation_path(invitation)).status_code == 200
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert client.post(invitation_path(invitation)).status_code == 302
    invitation.refresh_from_db()
    assert invitation.used_by == imran
    assert TeamMember.objects.filter(user=imran, is_clinician=True).exists()


def test_an_unconfirmed_address_cannot_accept_an_invitation(client, invitation):
    imran = UserFactory(username="imran", email="imran@example.org", email_confirmed=False)
    client.force_login(imran)
    response = client.post(invitation_path(invitation))
    assert response.status_code == 403
    assert "Confirm your email address first" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_signing_up_through_an_invitation_cannot_change_the_address(client, invitation):
    response = client.post(
        f"/accounts/signup/?invitation={make_token(invitation)}",
        {**SIGNUP, "email": "attacker@example.org"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="newcomer")
    assert user.email == "imran@example.org"
    assert not User.objects.filter(email="attacker@example.org").exists()


# Core-team matching (finding 7c)


def test_only_confirmed_accounts_are_matched_to_an_accepted_core_team(
    client,
    application,  # noqa: F811
    editor,
):
    squatter = UserFactory(
        username="fake-ayesha", email="AYESHA@example.org", email_confirmed=False
    )
    sadia = UserFactory(username="sadia", email="sadia@example.org")
    decide(application, ApplicationStatus.ACCEPTED, editor)
    assert Enrolment.objects.filter(user=sadia, course=application.course).exists()
    assert not Enrolment.objects.filter(user=squatter).exists()
    ayesha = TeamMember.objects.get(email__iexact="ayesha@example.org")
    assert ayesha.user is None  # held by the address until its owner accepts
    assert Invitation.objects.filter(email="ayesha@example.org", used_at=None).exists()
