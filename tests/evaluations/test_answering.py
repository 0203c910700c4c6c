"""Who may answer, once, until the closing date; what is stored; every refusal is a
4xx with its reason and stores nothing."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from evaluations.models import EvaluationAnswer, EvaluationRespondent
from tests.evaluations.conftest import CHANGE, OBJECTIVES, RECOMMEND, answer_data


def checked(html, name, value):
    return re.search(rf'<input[^>]*name="{name}" value="{value}"[^>]*checked', html)


def stored():
    return EvaluationAnswer.objects.count(), EvaluationRespondent.objects.count()


def test_visitors_are_sent_to_sign_in(client, evaluation):
    response = client.get(evaluation.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.post(evaluation.url, answer_data()).status_code == 302
    assert stored() == (0, 0)


@pytest.mark.parametrize("who", ["stranger", "withdrawn"])
def test_non_members_are_refused(client, evaluation, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(evaluation.url).status_code == 403
    response = client.post(evaluation.url, answer_data())
    assert response.status_code == 403
    assert "participants and facilitators" in response.content.decode()
    assert stored() == (0, 0)


def test_participant_answers_and_the_scales_are_stored_as_numbers(client, evaluation, participant):
    client.force_login(participant)
    page = client.get(evaluation.url).content.decode()
    assert "Strongly disagree" in page and 'value="participant"' in page
    response = client.post(evaluation.url, answer_data(**{CHANGE: "Weekly supervision"}))
    assert response.status_code == 302
    assert response["Location"] == evaluation.url + "thanks/"
    answer = EvaluationAnswer.objects.get()
    assert answer.user == participant and answer.role == "participant"
    assert answer.form_data[OBJECTIVES] == 4 and answer.form_data[RECOMMEND] == 9
    assert "respondent_role" not in answer.form_data
    assert client.get(response["Location"]).status_code == 200


def test_named_answer_can_be_changed_until_closing_and_stays_one_row(
    client, evaluation, participant
):
    client.force_login(participant)
    client.post(evaluation.url, answer_data(objectives=2))
    page = client.get(evaluation.url).content.decode()
    assert "You have answered" in page
    assert checked(page, OBJECTIVES, 2)
    assert client.post(evaluation.url, answer_data(objectives=5)).status_code == 302
    assert stored() == (1, 1)
    assert EvaluationAnswer.objects.get().form_data[OBJECTIVES] == 5


def test_second_anonymous_answer_is_refused_and_nothing_links_the_answer_to_the_person(
    client, anonymous_evaluation, participant
):
    client.force_login(participant)
    assert client.post(anonymous_evaluation.url, answer_data()).status_code == 302
    answer = EvaluationAnswer.objects.get()
    assert answer.user is None
    assert answer.submit_time == answer.submit_time.replace(hour=0, minute=0, second=0)
    assert EvaluationRespondent.objects.filter(user=participant).exists()
    page = client.get(anonymous_evaluation.url).content.decode()
    assert "Anonymous answers cannot be changed" in page and "<form" not in page.split("<main")[1]
    response = client.post(anonymous_evaluation.url, answer_data(objectives=1))
    assert response.status_code == 409
    assert "already answered" in response.content.decode()
    assert stored() == (1, 1)
    assert EvaluationAnswer.objects.get().form_data[OBJECTIVES] == 4


def test_answers_after_closing_are_refused(client, evaluation, participant):
    evaluation.closes_at = timezone.now() - timedelta(minutes=1)
    evaluation.save()
    client.force_login(participant)
    assert "has closed" in client.get(evaluation.url).content.decode()
    response = client.post(evaluation.url, answer_data())
    assert response.status_code == 403
    assert "has closed" in response.content.decode()
    assert stored() == (0, 0)


@pytest.mark.parametrize(
    "bad",
    [
        {OBJECTIVES: 6},
        {OBJECTIVES: "abc"},
        {OBJECTIVES: ""},
        {RECOMMEND: 11},
        {RECOMMEND: -1},
        {"respondent_role": "editor"},
    ],
)
def test_out_of_range_or_missing_values_are_form_errors(client, evaluation, participant, bad):
    client.force_login(participant)
    response = client.post(evaluation.url, {**answer_data(), **bad})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert stored() == (0, 0)


def test_participants_cannot_answer_as_facilitators(client, evaluation, participant):
    client.force_login(participant)
    response = client.post(evaluation.url, answer_data(role="facilitator"))
    assert response.status_code == 400
    assert "Only the course&#x27;s facilitators" in response.content.decode()
    assert stored() == (0, 0)


def test_facilitators_answer_as_facilitators(client, evaluation, facilitator):
    client.force_login(facilitator)
    assert checked(client.get(evaluation.url).content.decode(), "respondent_role", "facilitator")
    assert client.post(evaluation.url, answer_data(role="facilitator")).status_code == 302
    assert EvaluationAnswer.objects.get().role == "facilitator"


def test_editors_see_the_questionnaire_and_results_link_but_cannot_answer(
    client, evaluation, editor
):
    client.force_login(editor)
    page = client.get(evaluation.url).content.decode()
    assert "See the results" in page and "participants and facilitators" in page
    assert client.post(evaluation.url, answer_data()).status_code == 403
    assert stored() == (0, 0)
