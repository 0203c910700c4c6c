"""One `send_reminders` run in a process of its own, for the test of runs at once.

    python -m tests.applications.concurrent_run DB_FILE OUTBOX_DIR NAME RUNS

Waits until RUNS processes are ready (a file each in OUTBOX_DIR), so that they start
together, then sends in small batches through a slow file backend and prints how many
it sent.
"""

import os
import sys
import time
from pathlib import Path


def main():
    database, outbox, name, runs = sys.argv[1:5]
    os.environ["SQLITE_PATH"] = database
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.test.utils import override_settings

    from reminders import sending as reminders

    reminders.BATCH = 5  # many claims, so that the runs take turns
    ready = Path(outbox) / f"ready-{name}"
    ready.touch()
    deadline = time.monotonic() + 60
    while len(list(Path(outbox).glob("ready-*"))) < int(runs) and time.monotonic() < deadline:
        time.sleep(0.005)
    mails = Path(outbox) / name
    mails.mkdir()
    backend = "tests.applications.backends.SlowFileBackend"
    with override_settings(EMAIL_BACKEND=backend, EMAIL_FILE_PATH=str(mails)):
        result = reminders.run()
    print(result.sent)  # noqa: T201 (read by the test)


if __name__ == "__main__":
    main()
