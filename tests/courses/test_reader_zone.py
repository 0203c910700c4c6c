"""Every time on a workshop page is in one zone, and the page names it: the reader's own
zone if they chose one, else the venue's (for visitors and people who chose none)."""

import json
import re
from datetime import date

import pytest

from courses.models import WorkshopPage
from tests.courses.factories import amman, make_course, make_index

LANGUAGE_PREFIXES = ["", "/ar", "/fa", "/ur"]


@pytest.fixture
def workshop(home_page):
    course = make_course(make_index(home_page), workshops=0)
    agenda = [
        {
            "type": "day",
            "value": {
                "date": "2030-05-01",
                "title": "",
                "items": [
                    {
                        "type": "item",
                        "value": {
                            "starts": "09:00",
                            "ends": "10:30",
                            "title": "Task sharing: the evidence",
                            "kind": "talk",
                            "facilitators": [],
                            "description": "",
                        },
                    }
                ],
            },
        }
    ]
    return course.add_child(
        instance=WorkshopPage(
            title="Learning session 1",
            slug="amman",
            starts_at=amman(date(2030, 5, 1), 9),
            ends_at=amman(date(2030, 5, 3), 17),
            time_zone="Asia/Amman",
            agenda=json.dumps(agenda),
        )
    )


def header_and_agenda(html):
    header = re.search(r'<p class="session">.*?</p>', html, re.S).group(0)
    agenda = re.search(r'<span class="agenda__time">(.*?)</span>', html, re.S).group(1)
    return header, agenda


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_visitors_see_the_header_and_agenda_in_the_venues_zone(client, workshop, prefix):
    html = client.get(prefix + workshop.url).content.decode()
    header, agenda = header_and_agenda(html)
    assert "2030, 09:00" in header and "(<bdi>Asia/Amman</bdi>)" in header
    assert ">09:00</time>" in agenda and ">10:30</time>" in agenda
    # The page names its zone, in a sentence of its own.
    zone_line = re.search(r'<p class="session__zone"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "<bdi>Asia/Amman</bdi>" in zone_line


def test_a_user_who_chose_no_zone_sees_the_venues_time(client, workshop, user):
    user.time_zone = ""
    user.save()
    client.force_login(user)
    header, agenda = header_and_agenda(client.get(workshop.url).content.decode())
    assert "2030, 09:00" in header and "Asia/Amman" in header
    assert ">09:00</time>" in agenda


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_a_user_in_karachi_sees_every_time_of_the_page_in_karachi_time(
    client, workshop, user, prefix
):
    """Amman is UTC+3, Karachi UTC+5: 09:00 at the venue is 11:00 in Karachi, in the
    header and in the agenda alike (the header once said 06:00 UTC, the agenda 09:00)."""
    user.time_zone = "Asia/Karachi"
    user.preferred_language = (prefix or "/en").strip("/")
    user.save()
    client.force_login(user)
    html = client.get(prefix + workshop.url).content.decode()
    header, agenda = header_and_agenda(html)
    assert "2030, 11:00" in header and "(<bdi>Asia/Karachi</bdi>)" in header
    assert ">11:00</time>" in agenda and ">12:30</time>" in agenda
    assert 'datetime="2030-05-01T11:00:00+05:00"' in agenda
    assert "Asia/Amman" not in html


def test_the_local_time_script_is_only_for_readers_without_a_chosen_zone(client, workshop, user):
    assert "js/local-times.js" in client.get(workshop.url).content.decode()
    user.time_zone = "Asia/Karachi"
    user.save()
    client.force_login(user)
    assert "js/local-times.js" not in client.get(workshop.url).content.decode()


def test_the_dashboard_shows_the_next_session_in_the_readers_zone(client, home_page, user):
    from tests.courses.factories import enrol

    course = make_course(make_index(home_page), workshops=1)
    enrol(user, course)
    user.time_zone = "Asia/Karachi"
    user.save()
    client.force_login(user)
    html = client.get("/dashboard/").content.decode()
    assert ", 11:00" in html and "Asia/Karachi" in html
