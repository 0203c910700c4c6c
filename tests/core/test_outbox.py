"""The outbox: emails are queued after commit, run by the database worker, retried with
backoff, sent once per key, and failed tasks are listed in the admin with "retry"."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.mail import build_email, send_all
from core.models import SentEmail
from core.outbox import message_id, queue_email, requeue_interrupted, send_email, serialise
from tests.core.backends import FlakyBackend

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
FLAKY = "tests.core.backends.FlakyBackend"
pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def message(to="amina@example.org", subject="Workshop 2 starts on Monday"):
    return build_email(to, subject, "reminders/email/reminder", {"text": "Bring your data."})


def work():
    """One pass of the email worker over what is ready. The worker closes connections
    that are not in autocommit between tasks: inside the test's transaction that would
    close PostgreSQL's connection under the test (SQLite's in-memory one never closes)."""
    with patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--backend=email", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.real_commit
def test_an_email_leaves_only_when_its_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_all([message()])
        assert not mail.outbox
    assert [email.to for email in mail.outbox] == [["amina@example.org"]]


@pytest.mark.real_commit
def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_all([message()])
                raise Rollback
        except Rollback:
            pass
    assert not mail.outbox


def test_the_email_arrives_whole():
    send_all([message()], key="test.item:1")
    (email,) = mail.outbox
    assert email.subject == "Workshop 2 starts on Monday" and "Bring your data." in email.body
    assert email.alternatives[0][1] == "text/html"
    assert SentEmail.objects.get().key == "test.item:1:to:amina@example.org"
    assert email.message()["Message-ID"] == message_id("test.item:1:to:amina@example.org")


def test_a_key_is_sent_once_even_when_its_task_runs_twice():
    payload = serialise(message())
    assert send_email.call(payload, "test.item:2") == "sent"
    assert send_email.call(payload, "test.item:2") == "duplicate"
    assert len(mail.outbox) == 1


def test_the_same_keyed_item_goes_once_but_the_same_words_without_a_key_go_each_time():
    send_all([message()], key="test.item:3")
    send_all([message()], key="test.item:3")
    send_all([message(to="omid@example.org")], key="test.item:3")
    assert sorted(email.to[0] for email in mail.outbox) == ["amina@example.org", "omid@example.org"]
    # A contact form sent twice with the same text: two messages, both delivered.
    send_all([message()])
    send_all([message()])
    assert len(mail.outbox) == 4


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=FLAKY, EMAIL_RETRY_SECONDS=30)
def test_a_failing_send_is_retried_later_by_the_worker_and_then_sent():
    FlakyBackend.failures_left = 1
    queue_email(message(), key="test.item:3")
    assert DBTaskResult.objects.ready().count() == 1 and not mail.outbox
    before = timezone.now()
    work()
    assert not mail.outbox and not SentEmail.objects.exists()
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs["args"][2] == 2  # the second try
    assert before + timedelta(seconds=29) < retry.run_after < before + timedelta(seconds=40)
    work()  # not yet due: nothing happens
    assert not mail.outbox
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work()
    assert len(mail.outbox) == 1 and SentEmail.objects.get().key == "test.item:3"
    work()
    assert len(mail.outbox) == 1


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=FLAKY, EMAIL_MAX_ATTEMPTS=1)
def test_an_email_that_used_every_try_is_listed_and_retried_from_the_admin(client, superuser):
    FlakyBackend.failures_left = 1
    queue_email(message(), key="test.item:4")
    work()
    (failed,) = DBTaskResult.objects.failed()
    client.force_login(superuser)
    html = client.get("/admin/failed-tasks/").content.decode()
    assert "amina@example.org" in html and "Workshop 2 starts on Monday" in html
    assert "SMTPServerDisconnected" in html
    response = client.post(f"/admin/failed-tasks/{failed.pk}/retry/")
    assert response.status_code == 302
    assert not DBTaskResult.objects.failed().exists()
    work()
    assert [email.to for email in mail.outbox] == [["amina@example.org"]]
    assert "No failed tasks" in client.get("/admin/failed-tasks/").content.decode()


def test_only_superusers_see_failed_tasks(client, editor):
    client.force_login(editor)
    response = client.get("/admin/failed-tasks/")
    assert response.status_code in (302, 403)
    assert b"Failed at" not in response.content


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_left_running_by_a_killed_worker_is_put_back_and_sent_once():
    queue_email(message(), key="test.item:5")
    queue_email(message(to="omid@example.org"), key="test.item:6")
    work()
    assert len(mail.outbox) == 2
    # A worker killed after sending, before marking its task done, leaves it running.
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now() - timedelta(hours=1))
    assert requeue_interrupted(timedelta(minutes=10)) == 2
    work()
    assert len(mail.outbox) == 2 and DBTaskResult.objects.successful().count() == 2
