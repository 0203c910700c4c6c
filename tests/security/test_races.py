"""Issue 13, finding 8: two "only one" rules held only by a check before the insert.
Concurrent requests cannot be run on SQLite in a test, so each test replays the race
exactly: the check sees nothing, the other request's row is already there when this one
inserts. The database's constraint must refuse it, and the view answer without a 500.
"""

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction

from applications import review
from applications.choices import ApplicationStatus
from applications.models import Application
from home import accounts
from home.models import User
from tests.applications.conftest import make_application, open_course  # noqa: F401
from tests.applications.forms import application_data
from tests.courses.conftest import course_index  # noqa: F401
from tests.factories import UserFactory

SIGNUP = {
    "username": "second",
    "display_name": "Second Comer",
    "password1": "a-strong-passphrase-42",
    "password2": "a-strong-passphrase-42",
}


def constraint_names(table):
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def check_sees_nothing_once(monkeypatch, module, name):
    """The first call of `module.name` answers None, as it would have a moment before
    the other request's row was written."""
    real = getattr(module, name)
    calls = []

    def stale_then_real(*args, **kwargs):
        calls.append(args)
        return None if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(module, name, stale_then_real)
    return calls


def test_the_database_refuses_a_second_account_with_an_address_in_any_case(db):
    assert "unique_user_email_ci" in constraint_names("home_user")
    UserFactory(username="first", email="Samira@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="second", email="samira@example.ORG")
    User.objects.create(username="blank1", email="")
    User.objects.create(username="blank2", email="")  # no address is not an address


def test_the_loser_of_a_sign_up_race_gets_the_known_address_answer(client, home_page, monkeypatch):
    """The other sign-up committed between this one's check and its insert: this one
    answers exactly as for a known address (anything else would tell the address has
    just been registered), and its owner is told."""
    UserFactory(username="first", email="race@example.org")
    calls = check_sees_nothing_once(monkeypatch, accounts, "account_for")
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "RACE@example.org"})
    assert len(calls) == 2  # the stale check, then the look-up after the refused insert
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/done/"
    assert list(User.objects.filter(email__iexact="race@example.org")) == [
        User.objects.get(username="first")
    ]
    (message,) = mail.outbox
    assert message.to == ["race@example.org"] and "Someone tried" in message.subject


def test_the_loser_of_a_username_race_is_told_to_choose_another(client, home_page, monkeypatch):
    from home.forms import SignUpForm

    # Both of the form's checks ran before the other sign-up took the name.
    monkeypatch.setattr(SignUpForm, "clean_username", lambda form: "second")
    monkeypatch.setattr(SignUpForm, "validate_unique", lambda form: None)
    UserFactory(username="second", email="someone@example.org")
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "fresh@example.org"})
    assert response.status_code == 409
    assert "took this username a moment ago" in response.content.decode()
    assert not User.objects.filter(email="fresh@example.org").exists()


def test_the_database_refuses_a_second_live_application_by_one_applicant(
    open_course,  # noqa: F811
):
    assert "unique_application_per_applicant" in constraint_names("courses_application")
    applicant = UserFactory(username="applicant")
    make_application(open_course, applicant, organisation="Lahore General Hospital")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_application(open_course, applicant, organisation="Mayo Hospital")
    make_application(  # a withdrawn one does not count
        open_course, applicant, organisation="Services Hospital", status="withdrawn"
    )


def test_the_loser_of_an_application_race_gets_a_409(
    client,
    open_course,  # noqa: F811
    monkeypatch,
):
    applicant = UserFactory(username="applicant")
    first = make_application(open_course, applicant, organisation="Lahore General Hospital")
    check_sees_nothing_once(monkeypatch, review, "live_application")
    client.force_login(applicant)
    response = client.post(
        f"/applications/apply/{open_course.pk}/", application_data(organisation="Mayo Hospital")
    )
    assert response.status_code == 409
    assert "already applied to this course" in response.content.decode()
    assert list(Application.objects.exclude(status=ApplicationStatus.WITHDRAWN)) == [first]
    assert first.team.count() == 3  # the loser's core team was not written either


def test_the_loser_of_an_organisation_race_gets_a_409(
    client,
    open_course,  # noqa: F811
    monkeypatch,
):
    make_application(open_course, UserFactory(username="other"), organisation="Mayo Hospital")
    monkeypatch.setattr(review, "organisation_taken", lambda *args, **kwargs: False)
    monkeypatch.setattr("applications.forms.organisation_taken", lambda *a, **k: False)
    client.force_login(UserFactory(username="applicant"))
    response = client.post(
        f"/applications/apply/{open_course.pk}/", application_data(organisation="mayo hospital")
    )
    assert response.status_code == 409
    assert "This organisation has already applied" in response.content.decode()
    assert Application.objects.count() == 1
