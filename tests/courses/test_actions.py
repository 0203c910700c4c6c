"""Enrol, withdraw, complete and undo: POST only, CSRF-protected, idempotent, 4xx on bad
input."""

import pytest
from django.test import Client

from courses.choices import EnrolmentMode, EnrolmentStatus
from courses.models import Enrolment, ModuleCompletion
from tests.courses.factories import make_course, modules_of

COURSE = "/courses/mh-care/"


def test_enrol_then_enrol_again_keeps_one_active_enrolment(client, course, stranger):
    client.force_login(stranger)
    response = client.post(COURSE + "enrol/")
    assert response.status_code == 302
    assert response["Location"] == COURSE
    client.post(COURSE + "enrol/")
    enrolment = Enrolment.objects.get(user=stranger, course=course)
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.role == "participant"
    assert "Withdraw from the course" in client.get(COURSE).content.decode()


def test_withdraw_is_idempotent_and_re_enrolling_restores_the_same_row(client, participant, course):
    client.force_login(participant)
    enrolment = Enrolment.objects.get(user=participant)
    assert client.post(COURSE + "withdraw/").status_code == 302
    assert client.post(COURSE + "withdraw/").status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.withdrawn_at is not None
    client.post(COURSE + "enrol/")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.withdrawn_at is None
    assert Enrolment.objects.count() == 1


def test_complete_and_undo_are_idempotent(client, participant, modules):
    client.force_login(participant)
    data = {"module": modules[0].pk, "next": modules[0].url}
    assert client.post(COURSE + "complete/", data)["Location"] == modules[0].url
    client.post(COURSE + "complete/", data)
    assert ModuleCompletion.objects.filter(user=participant).count() == 1
    html = client.get(COURSE).content.decode()
    assert 'value="1"' in html and "<bdi>1</bdi> of <bdi>3</bdi> modules complete" in html
    client.post(COURSE + "uncomplete/", data)
    client.post(COURSE + "uncomplete/", data)
    assert not ModuleCompletion.objects.exists()
    assert "<bdi>0</bdi> of <bdi>3</bdi> modules complete" in client.get(COURSE).content.decode()


def test_next_must_stay_on_this_site(client, participant, modules):
    client.force_login(participant)
    response = client.post(
        COURSE + "complete/", {"module": modules[0].pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == modules[0].url


@pytest.mark.parametrize("action", ["enrol", "complete", "uncomplete"])
def test_get_on_an_action_is_405(client, participant, course, action):
    client.force_login(participant)
    assert client.get(f"{COURSE}{action}/").status_code == 405
    # GET on withdraw/ is its confirmation page (tests/courses/test_outline.py).


@pytest.mark.parametrize("action", ["enrol", "withdraw", "complete", "uncomplete"])
def test_actions_need_the_csrf_token(participant, modules, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert client.post(f"{COURSE}{action}/", {"module": modules[0].pk}).status_code == 403
    assert Enrolment.objects.get(user=participant).status == EnrolmentStatus.ACTIVE
    assert not ModuleCompletion.objects.exists()


def test_anonymous_actions_send_to_sign_in(client, course, modules):
    response = client.post(COURSE + "enrol/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("module", "status"),
    [("", 400), ("abc", 400), ("-1", 400), ("999999", 404)],
)
def test_bad_module_ids_are_4xx(client, participant, course, module, status):
    client.force_login(participant)
    response = client.post(COURSE + "complete/", {"module": module})
    assert response.status_code == status
    assert not ModuleCompletion.objects.exists()


def test_completing_a_module_of_another_course_is_400(client, participant, course_index, course):
    other_module = modules_of(make_course(course_index, slug="other"))[0]
    client.force_login(participant)
    response = client.post(COURSE + "complete/", {"module": other_module.pk})
    assert response.status_code == 400
    assert "another course" in response.content.decode()
    assert not ModuleCompletion.objects.exists()


def test_actions_on_a_missing_course_are_404(client, participant, course):
    client.force_login(participant)
    assert client.post("/courses/no-such-course/enrol/").status_code == 404


def test_non_members_cannot_track_progress(client, stranger, withdrawn, modules):
    for user in (stranger, withdrawn):
        client.force_login(user)
        assert client.post(COURSE + "complete/", {"module": modules[0].pk}).status_code == 403
    assert not ModuleCompletion.objects.exists()


@pytest.mark.parametrize("mode", [EnrolmentMode.CLOSED, EnrolmentMode.APPLICATION])
def test_only_open_courses_take_one_click_enrolment(client, course, stranger, mode):
    course.enrolment_mode = mode
    course.save_revision().publish()
    client.force_login(stranger)
    response = client.post(COURSE + "enrol/")
    assert response.status_code == 403
    assert "not open for enrolment" in response.content.decode()
    assert not Enrolment.objects.exists()
    assert "Sign in to enrol" not in client.get(COURSE).content.decode()
