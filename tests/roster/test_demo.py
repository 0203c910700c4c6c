"""The demo roster: at least 8 certified people from at least 4 countries, each entry
confirmed by a certificate's verification page; loading twice changes nothing."""

import re

from django.core.management import call_command

from roster.listing import listed_entries
from roster.models import RosterEntry, RosterLanguage


def test_demo_roster(client, db):
    call_command("load_demo", force=True)
    entries = listed_entries()
    assert entries.count() >= 8
    assert {"Pakistan", "Egypt", "Iran", "Jordan", "United Kingdom"} <= set(
        entries.values_list("country", flat=True)
    )
    content = client.get("/roster/").content.decode()
    codes = re.findall(r'href="/certificates/([^/]+)/"', content)
    assert len(codes) == entries.count()
    assert client.get(f"/certificates/{codes[0]}/").status_code == 200
    counts = (RosterEntry.objects.count(), RosterLanguage.objects.count())
    call_command("load_demo", force=True)
    assert (RosterEntry.objects.count(), RosterLanguage.objects.count()) == counts
