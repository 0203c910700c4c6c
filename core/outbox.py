"""The outbox: every email of every app leaves as a task on Django's task framework.

- **After commit.** `queue_email` enqueues when the surrounding transaction commits, so
  a rolled-back change sends nothing and the worker finds the rows the email names.
- **Retried with backoff.** A send that raises is enqueued again, EMAIL_RETRY_SECONDS
  later and four times longer each time; after EMAIL_MAX_ATTEMPTS tries the task fails
  and the admin lists it with a "retry" button (core/views/failed_tasks.py).
- **Exactly once.** Each email has a key, one per recipient and item (a reminder, a
  post, a decision); the default is a digest of the message itself. The send happens
  inside the transaction that records the key in `SentEmail` (unique), so a task run
  twice, or by two workers at once, sends once: the second finds the key, or waits on
  the first's insert and then fails on the constraint. Only a worker killed after the
  mail server accepted the message and before the commit can cause a second copy.

Emails go through the `email` task backend (TASKS in settings): django-tasks-db, run
by `manage.py email_worker` (`make run` starts one), which first puts back the tasks a
killed worker left running: sending once per key makes running them again safe.
Wagtail's own tasks (the reference index) keep the `default` backend, which runs them in
the request.
"""

import hashlib
import logging
import uuid
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.transaction import on_commit
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks_db.models import DBTaskResult

from core.models import SentEmail

logger = logging.getLogger(__name__)
BACKEND = "email"


def serialise(message):
    """The message as JSON-safe data: what a task's arguments must be."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in message.alternatives],
    }


def deserialise(payload):
    fields = {name: value for name, value in payload.items() if name != "alternatives"}
    message = EmailMultiAlternatives(**fields)
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


def default_key():
    """An email about no stored item (a contact form, a confirmation link) is its own
    email: the same words sent twice, weeks apart, must both arrive. Its task's retries
    keep the key, so each is still sent once."""
    return f"once:{uuid.uuid4()}"


def message_id(key):
    """The same for every copy of one email."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def queue_email(message, key=None):
    """Send `message` through the outbox once the transaction commits, once per `key`
    (a string naming the item and its recipient, e.g. "forums.post:12:user:7")."""
    payload = serialise(message)
    key = key or default_key()
    on_commit(lambda: send_email.enqueue(payload, key), robust=True)


def backoff(attempt):
    return timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 4 ** (attempt - 1))


def retry(payload, key, attempt):
    """Enqueue the next try, later where the backend can wait, else at once."""
    again = send_email
    if task_backends[BACKEND].supports_defer:
        again = send_email.using(run_after=timezone.now() + backoff(attempt))
    again.enqueue(payload, key, attempt + 1)


@task(backend=BACKEND)
def send_email(payload, key, attempt=1):
    """Send one email unless its key was sent; "sent", "duplicate" or "retrying"."""
    if SentEmail.objects.filter(key=key).exists():
        return "duplicate"
    message = deserialise(payload)
    message.extra_headers.setdefault("Message-ID", message_id(key))
    try:
        with transaction.atomic():
            SentEmail.objects.create(
                key=key, to=", ".join(message.to)[:500], subject=message.subject[:500]
            )
            get_connection().send_messages([message])
    except IntegrityError:
        return "duplicate"  # another run recorded it meanwhile
    except Exception as error:
        if attempt >= settings.EMAIL_MAX_ATTEMPTS:
            raise  # the task fails: the admin's failed-task list shows it, with "retry"
        logger.warning("Email %s failed (try %d), retrying: %s", key, attempt, error)
        retry(payload, key, attempt)
        return "retrying"
    return "sent"


def requeue_interrupted(older_than):
    """Put back the email tasks still marked running that started `older_than` ago: their
    worker died. How many."""
    stale = DBTaskResult.objects.running().filter(
        backend_name=BACKEND, started_at__lt=timezone.now() - older_than
    )
    return stale.update(status=TaskResultStatus.READY)
