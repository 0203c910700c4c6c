"""Under `make mutation` (scripts/mutation.py, through tests/conftest.py) every test
process works on its own copy of one database migrated beforehand: a mutant's run then
creates no test database (migrating costs more than most mutants' tests), and two mutants
tested at once never share a file."""

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def django_db_setup():
    from django.db import connections

    copy = f"{os.environ['MUTATION_TEST_DATABASE']}.{os.getpid()}"
    shutil.copyfile(os.environ["MUTATION_TEST_DATABASE"], copy)
    connections["default"].close()
    connections["default"].settings_dict["NAME"] = copy
    yield
    connections["default"].close()
    for leftover in (copy, f"{copy}-wal", f"{copy}-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
