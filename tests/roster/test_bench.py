"""`make bench` fills the roster to its size (here a small one) once, and lists it."""

import pytest

from bench import roster
from roster.models import RosterEntry

pytestmark = pytest.mark.django_db


def test_bench_roster_is_made_once_and_listed(client, course, monkeypatch):
    monkeypatch.setattr(roster, "COURSE_SLUG", course.slug)
    monkeypatch.setattr(roster, "ENTRIES", 30)
    pages = roster.ensure_size()
    roster.ensure_size()
    assert RosterEntry.objects.count() == 30
    for _label, path in pages:
        assert client.get(path).status_code == 200
    assert "Clinician 0000" in client.get("/roster/").content.decode()
