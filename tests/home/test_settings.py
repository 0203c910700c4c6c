import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "lms.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://lms.example.org",
    "DATABASE_URL": "postgres://lms:secret@127.0.0.1:5432/lms",
    "EMAIL_HOST": "smtp.example.org",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_switches_to_postgresql():
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "postgresql", result.stderr


def test_app_settings_are_read_from_the_environment():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "FORUMS_POST_RATE": "3/30",
        "FORUMS_DUPLICATE_SECONDS": "7",
        "APPLICATIONS_INVITATION_DAYS": "21",
        "EMAIL_MAX_ATTEMPTS": "5",
        "REMINDERS_CATCH_UP_HOURS": "12",
        "LIBRARY_PERSON_MODEL": "home.Person",
    }
    names = [
        "FORUMS_POST_RATE",
        "FORUMS_DUPLICATE_SECONDS",
        "APPLICATIONS_INVITATION_DAYS",
        "EMAIL_MAX_ATTEMPTS",
        "REMINDERS_CATCH_UP",
        "LIBRARY_PERSON_MODEL",
    ]
    code = f"from django.conf import settings; print([str(getattr(settings, n)) for n in {names}])"
    result = manage("shell", "-c", code, env=env)
    printed = result.stdout.strip().splitlines()[-1]
    assert printed == "['3/30', '7', '21', '5', '12:00:00', 'home.Person']", result.stderr


@pytest.fixture
def unblocked(django_db_blocker):
    """These tests open their own SQLite files, outside the test database."""
    with django_db_blocker.unblock():
        yield


def sqlite_connection(path):
    """A fresh connection to a file database with the site's SQLite options."""
    from django.db.utils import ConnectionHandler

    from config.settings.base import SQLITE_OPTIONS

    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(path),
                "OPTIONS": SQLITE_OPTIONS,
            }
        }
    )
    return handler["default"]


def test_sqlite_file_database_runs_in_wal_mode(tmp_path, unblocked):
    connection = sqlite_connection(tmp_path / "site.sqlite3")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    connection.close()


def test_two_writers_wait_for_each_other_instead_of_failing(tmp_path, unblocked):
    """Two workers read then write in overlapping transactions. With SQLite's default
    deferred transactions the second fails at once with "database is locked"; with
    IMMEDIATE transactions and a busy timeout it waits its turn."""
    path = tmp_path / "site.sqlite3"
    setup = sqlite_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (value INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    first_holds_lock = threading.Event()
    errors = []

    def increment(hold_seconds, wait_for=None):
        if wait_for:
            wait_for.wait(5)
        connection = sqlite_connection(path)
        try:
            # What transaction.atomic() does on entry: BEGIN (IMMEDIATE with our options).
            connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter")
                value = cursor.fetchone()[0]
                first_holds_lock.set()
                time.sleep(hold_seconds)
                cursor.execute("UPDATE counter SET value = %s", [value + 1])
            connection.commit()
        except Exception as error:  # noqa: BLE001 - the failure is what we assert on
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=increment, args=(0.3,)),
        threading.Thread(target=increment, args=(0, first_holds_lock)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    check = sqlite_connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT value FROM counter")
        assert cursor.fetchone()[0] == 2
    check.close()
