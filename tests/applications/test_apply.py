"""Applying with a core team: validation, the application period, duplicates, editing
and withdrawing. A refused application stores nothing."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from applications.choices import ApplicationStatus, TeamRole
from applications.models import Application, ApplicationStatusChange, CoreTeamMember
from courses.choices import EnrolmentMode
from tests.applications.conftest import TEAM, make_application
from tests.applications.forms import application_data
from tests.home.test_accounts import SIGNUP


def apply_url(course):
    return f"/applications/apply/{course.pk}/"


def test_apply_form_has_labelled_team_rows_and_works_without_javascript(
    client, applicant, open_course
):
    client.force_login(applicant)
    response = client.get(apply_url(open_course))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="team-') == 6 * 3 + 4  # six rows of three, management form
    assert 'for="id_team-5-email"' in html and "Team member <bdi>6</bdi>" in html


def test_a_complete_application_is_stored_with_its_team(client, applicant, open_course):
    client.force_login(applicant)
    response = client.post(apply_url(open_course), application_data())
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    application = Application.objects.get()
    assert (application.applicant, application.course_id) == (applicant, open_course.pk)
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.ready_to_adopt and not application.can_attend_all_sessions
    assert sorted(application.team.values_list("email", "role")) == sorted(
        (email, role) for _name, email, role in TEAM
    )


@pytest.mark.parametrize(
    "missing", [TeamRole.SENIOR_LEADER, TeamRole.SUPERVISOR, TeamRole.CLINICIAN]
)
def test_each_role_is_required(client, applicant, open_course, missing):
    client.force_login(applicant)
    team = [member for member in TEAM if member[2] != missing]
    response = client.post(apply_url(open_course), application_data(team=team))
    assert response.status_code == 400
    assert str(missing.label) in response.content.decode()
    assert not Application.objects.exists() and not CoreTeamMember.objects.exists()


def test_a_half_filled_team_row_is_an_error(client, applicant, open_course):
    client.force_login(applicant)
    data = application_data(**{"team-4-name": "Mona Adel"})
    response = client.post(apply_url(open_course), data)
    assert response.status_code == 400
    assert "Fill in the name, email and role" in response.content.decode()
    assert not Application.objects.exists()


def test_two_members_with_one_email_are_refused(client, applicant, open_course):
    client.force_login(applicant)
    team = [*TEAM, ("Someone Else", "AYESHA@example.org", TeamRole.CLINICIAN)]
    response = client.post(apply_url(open_course), application_data(team=team))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_ten_thousand_character_answer_is_a_form_error(client, applicant, open_course):
    client.force_login(applicant)
    data = application_data(readiness_explanation="x" * 10_000)
    response = client.post(apply_url(open_course), data)
    assert response.status_code == 400
    assert response.context["form"].errors["readiness_explanation"]
    assert not Application.objects.exists()


def test_unanswered_criteria_and_a_forged_team_count_are_refused(client, applicant, open_course):
    client.force_login(applicant)
    data = application_data()
    del data["will_submit_metrics"]
    assert client.post(apply_url(open_course), data).status_code == 400
    forged = application_data(**{"team-TOTAL_FORMS": "5000"})
    assert client.post(apply_url(open_course), forged).status_code == 400
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (timedelta(days=2), timedelta(days=9), "Applications open on"),
        (-timedelta(days=9), -timedelta(days=2), "Applications closed on"),
    ],
)
def test_outside_the_period_nothing_is_stored(
    client, applicant, open_course, opens, closes, message
):
    now = timezone.now()
    open_course.applications_open_at = now + opens
    open_course.applications_close_at = now + closes
    open_course.save()
    client.force_login(applicant)
    for response in (
        client.get(apply_url(open_course)),
        client.post(apply_url(open_course), application_data()),
    ):
        assert response.status_code == 403
        assert message in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize("mode", [EnrolmentMode.CLOSED, EnrolmentMode.OPEN])
def test_a_course_not_taking_applications_refuses(client, applicant, open_course, mode):
    open_course.enrolment_mode = mode
    open_course.save()
    client.force_login(applicant)
    response = client.post(apply_url(open_course), application_data())
    assert response.status_code == 403
    assert "does not take applications" in response.content.decode()
    assert not Application.objects.exists()


def test_a_finished_course_refuses(client, applicant, open_course):
    open_course.start_date = timezone.localdate() - timedelta(days=300)
    open_course.end_date = timezone.localdate() - timedelta(days=1)
    open_course.save()
    client.force_login(applicant)
    assert client.post(apply_url(open_course), application_data()).status_code == 403
    assert not Application.objects.exists()


def test_the_same_organisation_cannot_apply_twice_whatever_the_case(client, open_course, stranger):
    make_application(open_course, stranger, organisation="Lahore General Hospital")
    other = stranger.__class__.objects.create_user("other", "other@example.org")
    client.force_login(other)
    data = application_data(organisation="  lahore   GENERAL hospital ")
    response = client.post(apply_url(open_course), data)
    assert response.status_code == 400
    assert "has already applied to this course" in response.content.decode()
    assert Application.objects.count() == 1 and CoreTeamMember.objects.count() == 3


def test_a_withdrawn_application_frees_the_organisation(client, open_course, stranger, applicant):
    old = make_application(open_course, stranger, organisation="Lahore General Hospital")
    Application.objects.filter(pk=old.pk).update(status=ApplicationStatus.WITHDRAWN)
    client.force_login(applicant)
    assert client.post(apply_url(open_course), application_data()).status_code == 302
    assert Application.objects.count() == 2


def test_signed_out_visitors_are_sent_to_sign_in(client, open_course):
    response = client.get(apply_url(open_course))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_applying_again_opens_the_existing_application(client, application, applicant):
    client.force_login(applicant)
    response = client.get(apply_url(application.course))
    assert response["Location"] == f"/applications/{application.pk}/edit/"


def test_edit_while_open_replaces_the_team(client, application, applicant):
    client.force_login(applicant)
    page = client.get(f"/applications/{application.pk}/edit/")
    assert page.status_code == 200 and "Dr Ayesha Siddiqui" in page.content.decode()
    team = [*TEAM[:2], ("Mona Adel", "mona@example.org", TeamRole.CLINICIAN)]
    data = application_data(organisation="Shubra Family Health Unit", team=team, practice="PM+")
    response = client.post(f"/applications/{application.pk}/edit/", data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.practice == "PM+"
    assert sorted(application.team.values_list("name", flat=True)) == [
        "Dr Ayesha Siddiqui",
        "Mona Adel",
        "Sadia Malik",
    ]


def test_no_edit_after_the_period_or_the_decision_or_by_someone_else(
    client, application, applicant, stranger
):
    url = f"/applications/{application.pk}/edit/"
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.ACCEPTED)
    assert client.post(url, application_data()).status_code == 403
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED)
    course = application.course
    course.applications_close_at = timezone.now() - timedelta(minutes=1)
    course.save()
    response = client.post(url, application_data(practice="Changed"))
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.practice == "Problem Management Plus"


def test_withdraw_records_the_change_and_emails_the_applicant(client, application, applicant):
    client.force_login(applicant)
    assert client.get(f"/applications/{application.pk}/withdraw/").status_code == 405
    response = client.post(f"/applications/{application.pk}/withdraw/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    change = ApplicationStatusChange.objects.get()
    assert (change.changed_by, change.from_status, change.to_status) == (
        applicant,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
    )
    assert [message.to for message in mail.outbox] == [[applicant.email]]
    again = client.post(f"/applications/{application.pk}/withdraw/")
    assert again.status_code == 409
    assert ApplicationStatusChange.objects.count() == 1


def test_course_page_offers_apply_and_then_shows_the_application(client, open_course, applicant):
    html = client.get(open_course.url).content.decode()
    assert f"/applications/apply/{open_course.pk}/" in html
    application = make_application(open_course, applicant)
    client.force_login(applicant)
    html = client.get(open_course.url).content.decode()
    assert "Your application for <bdi>Shubra Family Health Unit</bdi>: <bdi>Submitted</bdi>" in html
    assert f"/applications/{application.pk}/edit/" in html


def dashboard_queries(client):
    with CaptureQueriesContext(connection) as context:
        assert client.get("/dashboard/").status_code == 200
    return len(context.captured_queries)


def test_dashboard_lists_my_applications_with_their_actions(client, application, applicant):
    client.force_login(applicant)
    html = client.get("/dashboard/").content.decode()
    assert "My applications" in html and "Submitted" in html
    assert f"/applications/{application.pk}/withdraw/" in html
    one = dashboard_queries(client)
    for number in range(5):  # withdrawn: one applicant has one live application a course
        make_application(
            application.course,
            applicant,
            organisation=f"Clinic {number}",
            status=ApplicationStatus.WITHDRAWN,
        )
    assert dashboard_queries(client) == one


@pytest.fixture
def arabic_course(open_course):
    from wagtail.models import Locale

    copy = open_course.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    copy.save_revision().publish()
    return copy.specific


def test_applying_through_the_translation_applies_to_the_course(
    client, applicant, stranger, open_course, arabic_course
):
    """Facilitators review, complete and remind the course's own applicants: an
    application made on the Arabic page belongs to the course, and the organisation
    cannot apply a second time through the other language."""
    client.force_login(applicant)
    response = client.post(f"/ar{apply_url(arabic_course)}", application_data())
    assert response.status_code == 302
    assert Application.objects.get().course_id == open_course.pk
    client.force_login(stranger)
    response = client.post(apply_url(open_course), application_data())
    assert response.status_code == 400
    assert Application.objects.count() == 1


def test_the_translated_course_page_shows_the_application(
    client, applicant, open_course, arabic_course
):
    make_application(open_course, applicant)
    client.force_login(applicant)
    html = client.get(arabic_course.url).content.decode()
    assert f"/ar/applications/{Application.objects.get().pk}/edit/" in html


def test_signing_up_from_the_apply_flow_comes_back_to_a_pre_filled_application(client, open_course):
    """Anonymous → sign in page → sign up → confirm email → sign in → the form, filled
    with the organisation and country given at sign-up."""
    apply = apply_url(open_course)
    login_url = client.get(apply)["Location"]
    assert login_url == f"/accounts/login/?next={quote(apply)}"
    signup_link = f'href="/accounts/signup/?next={quote(apply)}"'
    assert signup_link in client.get(login_url).content.decode()

    signup = client.get(f"/accounts/signup/?next={quote(apply)}").content.decode()
    assert f'name="next" value="{apply}"' in signup
    assert client.post("/accounts/signup/", {**SIGNUP, "next": apply}).status_code == 302
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/confirm/\S+)", message.body).group(1)
    confirmed = client.post(link)
    assert confirmed["Location"] == login_url

    credentials = {"username": SIGNUP["username"], "password": SIGNUP["password1"]}
    assert client.post(login_url, credentials)["Location"] == apply
    form = client.get(apply).content.decode()
    assert f'value="{SIGNUP["organisation"]}"' in form
    assert f'value="{SIGNUP["country"]}"' in form


def test_a_foreign_next_is_dropped_at_sign_up(client, home_page):
    client.post("/accounts/signup/?next=//evil.example/", {**SIGNUP, "next": "//evil.example/"})
    (message,) = mail.outbox
    assert "evil" not in message.body
    link = re.search(r"http://testserver(/accounts/confirm/\S+)", message.body).group(1)
    assert client.post(link)["Location"] == "/accounts/login/"
