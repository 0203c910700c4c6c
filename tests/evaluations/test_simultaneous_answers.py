"""Two first anonymous answers from one person sent at the same moment: both requests
pass the view's "already answered?" check before either has stored anything, so only
the model's guard (the respondent row, unique per person and evaluation) can refuse the
second. It must store one answer and answer the other with 409."""

from django.db import connection

from evaluations.models import EvaluationAnswer, EvaluationRespondent
from tests.evaluations.conftest import *  # noqa: F403 (course, evaluation… fixtures)
from tests.evaluations.conftest import answer_data

RESPONDENTS = EvaluationRespondent._meta.db_table


def other_request_lands_after_the_check(page, user):
    """A query wrapper: after this request's check (its first read of the respondent
    rows) and just before it opens its own transaction (a savepoint inside the test's),
    the other request's rows are stored."""
    checked = []

    def wrapper(execute, sql, params, many, context):
        statement = sql.lstrip().upper()
        if statement.startswith("SELECT") and RESPONDENTS in sql:
            checked.append(sql)
        elif statement.startswith("SAVEPOINT") and len(checked) == 1:
            checked.append(sql)
            EvaluationRespondent.objects.create(page=page, user=user)
            EvaluationAnswer.objects.create(
                pk=EvaluationAnswer.random_anonymous_pk(), page=page, form_data={}
            )
        return execute(sql, params, many, context)

    return wrapper


def test_the_later_of_two_simultaneous_first_answers_is_refused(
    client, anonymous_evaluation, participant
):
    client.force_login(participant)
    with connection.execute_wrapper(
        other_request_lands_after_the_check(anonymous_evaluation, participant)
    ):
        response = client.post(anonymous_evaluation.url, answer_data())
    assert response.status_code == 409
    assert "already answered" in response.content.decode()
    assert EvaluationAnswer.objects.filter(page=anonymous_evaluation).count() == 1
    assert EvaluationRespondent.objects.filter(page=anonymous_evaluation).count() == 1
