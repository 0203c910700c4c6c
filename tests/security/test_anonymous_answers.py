"""Finding 9: the stored rows of an anonymous evaluation must not tell who gave which
answer. Every answer leaves an `EvaluationRespondent` row (who answered) and an
`EvaluationAnswer` row (what was answered) in one transaction; if the answers' ids or
their order follow the respondents', respondent 14 is answer 14.

Twelve people answer in turn, through the form, interleaved with named answers to
another evaluation of the same workshop. Twelve answers in the respondents' order by
chance: 1 in 12! (about 2 x 10^-9)."""

from importlib import import_module

from django.apps import apps
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from evaluations.models import EvaluationAnswer, EvaluationRespondent
from tests.courses.factories import enrol
from tests.evaluations.conftest import *  # noqa: F403 (course, evaluation… fixtures)
from tests.evaluations.conftest import CHANGE, answer_data
from tests.factories import UserFactory

PEOPLE = 12


def answer_in_turn(client, course, anonymous_evaluation, evaluation):
    """Each person answers the anonymous evaluation, and every other one the named one
    too; each anonymous answer names its author in its free text, for the test only."""
    people = []
    for n in range(PEOPLE):
        person = UserFactory(username=f"respondent{n:02}")
        enrol(person, course)
        client.force_login(person)
        reply = client.post(anonymous_evaluation.url, answer_data(**{CHANGE: person.username}))
        assert reply.status_code == 302
        if n % 2:
            assert client.post(evaluation.url, answer_data()).status_code == 302
        people.append(person.username)
    return people


def author(answer):
    return answer.form_data[CHANGE]


def test_answers_cannot_be_mapped_to_respondents(client, course, anonymous_evaluation, evaluation):
    logged = ModelLogEntry.objects.count(), PageLogEntry.objects.count()
    people = answer_in_turn(client, course, anonymous_evaluation, evaluation)
    respondents = list(
        EvaluationRespondent.objects.filter(page=anonymous_evaluation)
        .order_by("pk")
        .values_list("pk", "user__username")
    )
    assert [name for _pk, name in respondents] == people  # the respondents' order is known
    answers = list(EvaluationAnswer.objects.filter(page=anonymous_evaluation))
    assert len(answers) == PEOPLE and all(answer.user_id is None for answer in answers)

    # By id: no answer has its respondent's id, nor any fixed offset from it.
    respondent_pk = {name: pk for pk, name in respondents}
    offsets = {answer.pk - respondent_pk[author(answer)] for answer in answers}
    assert len(offsets) > 1
    # ... nor do the ids follow the order of answering (ascending or descending).
    by_pk = [author(answer) for answer in sorted(answers, key=lambda answer: answer.pk)]
    assert by_pk not in (people, people[::-1])
    # ... nor do they interleave with the named answers given meanwhile.
    named = EvaluationAnswer.objects.filter(page=evaluation).values_list("pk", flat=True)
    assert not any(answer.pk > 0 for answer in answers), "anonymous ids stay off the sequence"
    assert all(pk > 0 for pk in named)

    # By insertion order: the rows as SQLite returns them, unordered, which is the order
    # of the table (the id's). PostgreSQL's heap keeps the order of writing: that is the
    # residual the README names, so it is not asserted there.
    if connection.vendor == "sqlite":
        unordered = (
            EvaluationAnswer.objects.filter(page=anonymous_evaluation)
            .order_by()
            .values_list("form_data", flat=True)
        )
        assert [data[CHANGE] for data in unordered] not in (people, people[::-1])

    # By time: answers keep the day only, and respondents have no time at all.
    assert all(
        (t.hour, t.minute, t.second, t.microsecond) == (0, 0, 0, 0)
        for t in (answer.submit_time for answer in answers)
    )
    assert len({answer.submit_time for answer in answers}) == 1
    assert not [
        field
        for field in EvaluationRespondent._meta.concrete_fields
        if field.get_internal_type() in ("DateTimeField", "DateField", "TimeField")
    ]

    # Answering logs nothing, so no log records who answered next to what
    # (django.contrib.admin, and so django_admin_log, is not installed).
    assert (ModelLogEntry.objects.count(), PageLogEntry.objects.count()) == logged


def test_results_and_exports_do_not_list_answers_in_answering_order(
    client, course, anonymous_evaluation, evaluation, superuser
):
    """The results CSV and the admin's listing and CSV sort by the day, then by the
    random id: never in the order people answered."""
    people = answer_in_turn(client, course, anonymous_evaluation, evaluation)
    client.force_login(superuser)
    results_csv = client.get(anonymous_evaluation.url + "results/csv/")
    assert results_csv.status_code == 200
    admin_csv = client.get(
        reverse("wagtailforms:list_submissions", args=[anonymous_evaluation.pk]) + "?export=csv"
    )
    assert admin_csv.status_code == 200
    for export in (results_csv, admin_csv):
        text = b"".join(export.streaming_content) if export.streaming else export.content
        text = text.decode()
        listed = sorted(people, key=text.index)
        assert listed not in (people, people[::-1])
    listing = client.get(reverse("wagtailforms:list_submissions", args=[anonymous_evaluation.pk]))
    html = listing.content.decode()
    listed = sorted(people, key=html.index)
    assert listed not in (people, people[::-1])


def contents():
    return sorted(map(str, EvaluationAnswer.objects.values_list("form_data", "role")))


def test_migration_gives_answers_stored_before_random_ids_and_keeps_every_row(
    anonymous_evaluation, evaluation
):
    """Answers stored the old way (the sequence's ids) get random ids; named answers and
    every answer's content stay."""
    randomise = import_module(
        "evaluations.migrations.0002_random_anonymous_answer_ids"
    ).randomise_anonymous_ids
    for n in range(PEOPLE):
        EvaluationAnswer.objects.create(
            page=anonymous_evaluation, role="participant", form_data={CHANGE: f"p{n:02}"}
        )
    named = EvaluationAnswer.objects.create(page=evaluation, role="participant", form_data={})
    before = contents()
    randomise(apps, None)
    answers = EvaluationAnswer.objects.filter(page=anonymous_evaluation).order_by("pk")
    assert len(answers) == PEOPLE and all(answer.pk < 0 for answer in answers)
    people = [f"p{n:02}" for n in range(PEOPLE)]
    assert [author(answer) for answer in answers] not in (people, people[::-1])
    assert EvaluationAnswer.objects.get(page=evaluation).pk == named.pk
    assert contents() == before
