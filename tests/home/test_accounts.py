import re

import pytest
from django.core import mail
from django.http import HttpRequest

from home.models import User
from tests.factories import TEST_PASSWORD

SIGNUP = {
    "username": "nadia",
    "email": "nadia@example.org",
    "display_name": "Nadia Karimi",
    "organisation": "Shiraz Primary Care Network",
    "country": "Iran",
    "password1": "a-strong-passphrase-42",
    "password2": "a-strong-passphrase-42",
}


def test_sign_up_creates_an_account_that_signs_in_once_the_address_is_confirmed(client, home_page):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/signup/done/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    user = User.objects.get(username="nadia")
    assert user.get_full_name() == "Nadia Karimi"
    assert user.organisation == "Shiraz Primary Care Network"
    assert (user.is_active, user.email_confirmed) == (False, False)
    assert "_auth_user_id" not in client.session
    login = {"username": "nadia", "password": SIGNUP["password1"]}
    assert client.post("/accounts/login/", login).status_code == 200  # refused

    (message,) = mail.outbox
    assert message.to == ["nadia@example.org"]
    link = re.search(r"http://testserver(/accounts/confirm/\S+/)", message.body).group(1)
    assert "nadia" in client.get(link).content.decode()
    user.refresh_from_db()
    assert not user.email_confirmed  # GET changes nothing: a mail scanner may fetch it
    assert client.post(link)["Location"] == "/accounts/login/"
    user.refresh_from_db()
    assert (user.is_active, user.email_confirmed) == (True, True)
    assert client.post("/accounts/login/", login).status_code == 302


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password2": "something-else-entirely"}, "password2"),
        ({"username": "participant"}, "username"),
        ({"email": "not-an-email"}, "email"),
        ({"username": "x" * 10_000}, "username"),
        ({"display_name": "x" * 10_000}, "display_name"),
        ({"organisation": "x" * 10_000}, "organisation"),
        ({"email": "a" * 10_000 + "@example.org"}, "email"),
    ],
)
def test_bad_sign_up_shows_a_form_error_and_creates_no_user(client, user, changes, field):
    before = User.objects.count()
    response = client.post("/accounts/signup/", {**SIGNUP, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert User.objects.count() == before


def test_sign_in_and_sign_out(client, user):
    response = client.post(
        "/accounts/login/", {"username": "participant", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/dashboard/")["Location"].startswith("/accounts/login/")


def test_wrong_password_is_refused_with_a_message(client, user):
    response = client.post("/accounts/login/", {"username": "participant", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_end_to_end(client, user):
    response = client.post("/accounts/password_reset/", {"email": "participant@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_url,
        {"new_password1": "brand-new-passphrase-7", "new_password2": "brand-new-passphrase-7"},
    )
    assert response.status_code == 302
    assert client.login(
        request=HttpRequest(), username="participant", password="brand-new-passphrase-7"
    )


def test_password_reset_for_unknown_email_sends_nothing_and_reveals_nothing(client, db):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_profile_edit_saves_language_and_time_zone(client, user):
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {
            "display_name": "Parveen A.",
            "organisation": "Lahore General",
            "country": "Pakistan",
            "preferred_language": "ur",
            "time_zone": "Asia/Karachi",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language, user.time_zone) == (
        "Parveen A.",
        "ur",
        "Asia/Karachi",
    )


def test_profile_rejects_an_unknown_time_zone(client, user):
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {"display_name": "P", "preferred_language": "en", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    user.refresh_from_db()
    assert user.time_zone == ""


def test_profile_needs_sign_in(client, db):
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/login/")


def test_times_are_shown_in_the_signed_in_users_time_zone(rf, user):
    from django.utils import timezone

    from home.middleware import UserTimeZoneMiddleware

    seen = {}

    def view(request):
        seen["tz"] = timezone.get_current_timezone_name()
        return None

    user.time_zone = "Asia/Karachi"
    request = rf.get("/")
    request.user = user
    UserTimeZoneMiddleware(view)(request)
    assert seen["tz"] == "Asia/Karachi"
