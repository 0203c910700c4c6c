"""Any change to the database moves one scope, `database-writes`, so that a copy of a
page rendered before it (home/reader_cache.py) is never served after it.

Every connection of every process (gunicorn workers, the task worker, management
commands) watches its own statements: an INSERT, UPDATE or DELETE on any table but the
sessions' moves the scope once the statement has run, and, inside a transaction, once
more when it commits. Watching
statements rather than model signals also catches `QuerySet.update()`, `bulk_create()`
and raw SQL, which send no signal. Session rows change on sign-in and language
switches; no page shows what they hold.
"""

from django.db import transaction
from django.db.backends.signals import connection_created

from core.caching import bump_scope_now

SCOPE = "database-writes"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
UNWATCHED_TABLE = '"django_session"'


def is_write(sql):
    return sql.lstrip()[:7].upper().startswith(WRITES) and UNWATCHED_TABLE not in sql[:40]


def bump():
    bump_scope_now([SCOPE])


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if is_write(sql):
        # Now: the statement's own transaction has committed, or readers who render while
        # the transaction runs see the data as it was and must not keep it once it commits.
        bump()
        connection = context["connection"]
        if connection.in_atomic_block and not any(
            func is bump for _sids, func, _robust in connection.run_on_commit
        ):
            transaction.on_commit(bump, using=connection.alias)
    return result


def watch(sender, connection, **kwargs):
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def connect():
    connection_created.connect(watch, dispatch_uid="core-writes-watch")
