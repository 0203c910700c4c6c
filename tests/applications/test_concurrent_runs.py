"""Two send_reminders runs at once, in two processes against one SQLite file (WAL, as
in production on SQLite), send each reminder to each person exactly once."""

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.applications.conftest import past_workshop
from tests.courses.factories import enrol
from tests.factories import UserFactory

PEOPLE = 40


def copy_test_database(path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.execute("PRAGMA journal_mode=WAL")
    target.close()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="copies the SQLite test database to a file",
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once(course, tmp_path):
    past_workshop(course, timedelta(days=7, hours=1))
    people = [UserFactory(username=f"person{number}") for number in range(PEOPLE)]
    for person in people:
        enrol(person, course)
    database = tmp_path / "lms.sqlite3"
    copy_test_database(database)

    command = [
        sys.executable,
        "-m",
        "tests.applications.concurrent_run",
        str(database),
        str(tmp_path),
    ]
    runs = [
        subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
            [*command, name, "2"], stdout=subprocess.PIPE, text=True, cwd=settings.BASE_DIR
        )
        for name in ("first", "second")
    ]
    sent = [int(run.communicate(timeout=120)[0].split()[-1]) for run in runs]
    assert all(run.returncode == 0 for run in runs)

    addresses = [
        line.removeprefix("To: ")
        for file in Path(tmp_path).glob("*/*.log")
        for line in file.read_text().splitlines()
        if line.startswith("To: ")
    ]
    assert sorted(addresses) == sorted(person.email for person in people)
    assert sum(sent) == PEOPLE
    assert all(sent), f"the runs did not overlap: {sent}"
    with sqlite3.connect(database) as db:
        statuses = db.execute(
            "SELECT status, count(*) FROM courses_reminderdelivery GROUP BY status"
        ).fetchall()
    assert statuses == [("sent", PEOPLE)]
