"""Finding 6: wrong passwords, password-reset and sign-up requests are throttled.

Sign-in is counted per username and per IP (django-axes), on the site's form and on
Wagtail's; a locked-out attempt gets a page that says so, even with the right password.
"""

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import TEST_PASSWORD, UserFactory

LOGIN_FORMS = ["/accounts/login/", "/admin/login/"]


def fail(client, url, username, times, ip="10.0.0.1"):
    for _ in range(times):
        client.post(url, {"username": username, "password": "wrong"}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_too_many_wrong_passwords_lock_the_username_out(client, db, url):
    UserFactory(username="target", is_staff=True, is_superuser=True)
    fail(client, url, "target", settings.AXES_FAILURE_LIMIT)
    # From another address too: the username itself is locked.
    response = client.post(
        url, {"username": "target", "password": TEST_PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_too_many_wrong_passwords_from_one_address_lock_that_address_out(client, db, url):
    UserFactory(username="bystander", is_staff=True, is_superuser=True)
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, url, f"guess{number}", 1)
    response = client.post(url, {"username": "bystander", "password": TEST_PASSWORD})
    assert response.status_code == 200 or response.status_code == 302  # other address: fine
    client.logout()
    response = client.post(
        url, {"username": "bystander", "password": TEST_PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429


def test_fewer_failures_than_the_limit_still_sign_in(client, db):
    UserFactory(username="forgetful")
    fail(client, "/accounts/login/", "forgetful", settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(
        "/accounts/login/",
        {"username": "forgetful", "password": TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_password_reset_emails_to_one_address_are_throttled(client, db):
    UserFactory(username="resetme", email="resetme@example.org")
    answers = [
        client.post("/accounts/password_reset/", {"email": "resetme@example.org"}).status_code
        for _ in range(6)
    ]
    assert len(mail.outbox) == settings.ACCOUNTS_RESET_PER_ADDRESS[0]
    assert answers[-1] == 429


def test_password_reset_requests_from_one_address_are_throttled(client, db):
    limit = settings.ACCOUNTS_RESET_PER_IP[0]
    for number in range(limit):
        client.post("/accounts/password_reset/", {"email": f"someone{number}@example.org"})
    response = client.post("/accounts/password_reset/", {"email": "another@example.org"})
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()


def test_sign_up_requests_from_one_address_are_throttled(client, db):
    limit = settings.ACCOUNTS_SIGNUP_PER_IP[0]
    for number in range(limit):
        client.post("/accounts/signup/", {"username": f"bot{number}", "email": "x"})
    response = client.post("/accounts/signup/", {"username": "bot-last", "email": "x"})
    assert response.status_code == 429
