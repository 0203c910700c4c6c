"""Email backends for tests: one that always fails, as a mail server outage would, and
a slow one that writes files, for runs in other processes."""

import time
from smtplib import SMTPServerDisconnected

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


class SlowFileBackend(FileBackend):
    """Writes emails to EMAIL_FILE_PATH, slowly, like a remote mail server: runs that
    overlap then really interleave."""

    def send_messages(self, email_messages):
        time.sleep(0.02 * len(email_messages))
        return super().send_messages(email_messages)
