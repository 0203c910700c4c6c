"""The public roster: only certified people who opted in, searchable and filterable,
paginated, a fixed number of queries, contact without revealing the address."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.choices import EnrolmentStatus
from courses.models import Certificate, Enrolment
from roster.models import RosterEntry
from tests.factories import UserFactory
from tests.roster.conftest import certified, listed

pytestmark = pytest.mark.django_db


def names(response):
    return re.findall(r"<h2 dir=\"auto\">([^<]+)</h2>", response.content.decode())


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_entry_shows_name_place_practices_languages_and_verification_link(
    client, course, clinician, prefix
):
    listed(clinician, city="Karachi", organisation="LHW <Programme>")
    response = client.get(f"{prefix}/roster/")
    content = response.content.decode()
    assert response.status_code == 200
    assert names(response) == ["Sana Clinician"]
    assert "LHW &lt;Programme&gt; · Karachi, Pakistan" in content
    code = Certificate.objects.get().code
    assert f"/certificates/{code}/" in content and course.title in content
    assert clinician.email not in content


def test_nobody_appears_without_opting_in_a_certificate_and_being_visible(client, course):
    certified(course, "notlisted")  # holds a certificate, no entry
    uncertified = UserFactory(username="nocert", display_name="No Certificate")
    listed(uncertified)
    hidden = listed(certified(course, "hidden", display_name="Hidden Person"), hidden=True)
    withdrawn = certified(course, "gone", display_name="Certificate Revoked")
    listed(withdrawn)
    Enrolment.objects.filter(user=withdrawn).update(status=EnrolmentStatus.WITHDRAWN)
    listed(certified(course, "shown", display_name="Shown Person"))
    assert names(client.get("/roster/")) == ["Shown Person"]
    assert client.get(f"/roster/{hidden.pk}/contact/").status_code == 404


def test_search_and_filters(client, course, other_course):
    listed(
        certified(course, "a", display_name="Amal Haddad"),
        country="Jordan",
        city="Amman",
        languages=["ar"],
    )
    listed(
        certified(other_course, "b", display_name="Reza Karimi"),
        country="Iran",
        city="Tehran",
        languages=["fa", "en"],
    )
    listed(
        certified(course, "c", display_name="Sara Jones"),
        country="United Kingdom",
        city="Leeds",
        languages=["en"],
    )
    assert names(client.get("/roster/?q=tehran")) == ["Reza Karimi"]
    assert names(client.get("/roster/?country=Jordan")) == ["Amal Haddad"]
    assert names(client.get("/roster/?language=en")) == ["Reza Karimi", "Sara Jones"]
    assert names(client.get("/roster/?practice=perinatal")) == ["Reza Karimi"]
    assert names(client.get("/roster/?practice=mh-care&language=en")) == ["Sara Jones"]


@pytest.mark.parametrize(
    "query", ["country=Narnia", "practice=nope", "language=xx", f"q={'x' * 101}"]
)
def test_bad_filters_get_a_400_with_a_message(client, course, clinician, query):
    listed(clinician)
    response = client.get(f"/roster/?{query}")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_paginated_with_the_same_queries_for_5_and_45_entries(client, course):
    def queries(path="/roster/?page=2"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured), response

    for number in range(25):
        listed(certified(course, f"p{number:02}", display_name=f"Person {number:02}"))
    queries()
    few, response = queries()
    assert len(names(response)) == 5
    for number in range(25, 65):
        listed(
            certified(course, f"p{number:02}", display_name=f"Person {number:02}"),
            country=f"C{number % 5}",
        )
    many, response = queries()
    assert len(names(response)) == 20 and names(response)[0] == "Person 20"
    assert many == few
    assert "?page=3" in response.content.decode()


def test_contact_emails_the_person_never_showing_their_address(client, course, clinician):
    entry = listed(clinician)
    form = client.get(f"/roster/{entry.pk}/contact/")
    assert form.status_code == 200 and clinician.email not in form.content.decode()
    data = {"name": "Dr Omar <b>", "email": "omar@example.org", "message": "Could you supervise?"}
    response = client.post(f"/ar/roster/{entry.pk}/contact/", data)
    assert response.status_code == 200
    assert clinician.email not in response.content.decode()
    message = mail.outbox[0]
    assert message.to == [clinician.email] and message.reply_to == ["omar@example.org"]
    assert "Could you supervise?" in message.body
    assert "Dr Omar &lt;b&gt;" in message.alternatives[0][0]


def test_contact_bad_input_and_rate_limit(client, course, clinician):
    entry = listed(clinician)
    bad = client.post(
        f"/roster/{entry.pk}/contact/", {"name": "x", "email": "nope", "message": "hi"}
    )
    assert bad.status_code == 400 and mail.outbox == []
    statuses = [
        client.post(
            f"/roster/{entry.pk}/contact/",
            {"name": "x", "email": "x@example.org", "message": f"hi {n}"},
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert len(mail.outbox) == 5


def test_certified_people_join_change_and_leave(client, course, clinician):
    client.force_login(clinician)
    assert client.get("/roster/join/").status_code == 200
    data = {
        "name": "Sana C.",
        "organisation": "",
        "city": "Quetta",
        "country": "Pakistan",
        "languages": ["ur", "ps"],
        "consent": "on",
    }
    assert client.post("/ur/roster/join/", data).status_code == 200
    entry = RosterEntry.objects.get(user=clinician)
    assert sorted(entry.languages.values_list("language", flat=True)) == ["ps", "ur"]
    assert client.post("/roster/join/", {**data, "languages": ["en"]}).status_code == 200
    assert list(entry.languages.values_list("language", flat=True)) == ["en"]
    assert client.post("/roster/leave/").status_code == 200
    assert not RosterEntry.objects.exists()
    assert names(client.get("/roster/")) == []


def test_joining_needs_consent_and_a_certificate(client, course, clinician):
    client.force_login(clinician)
    data = {"name": "Sana", "city": "Quetta", "country": "Pakistan", "languages": ["ur"]}
    assert client.post("/roster/join/", data).status_code == 400
    assert not RosterEntry.objects.exists()
    client.force_login(UserFactory(username="nocert"))
    assert client.post("/roster/join/", {**data, "consent": "on"}).status_code == 403
    assert not RosterEntry.objects.exists()
    client.logout()
    assert client.get("/roster/join/").status_code == 302


def test_editors_hide_entries_in_the_admin(client, course, clinician, editor):
    entry = listed(clinician)
    client.force_login(editor)
    listing = client.get("/admin/snippets/roster/rosterentry/")
    assert listing.status_code == 200 and "Sana Clinician" in listing.content.decode()
    edit = f"/admin/snippets/roster/rosterentry/edit/{entry.pk}/"
    assert client.post(edit, {"hidden": "on"}).status_code == 302
    entry.refresh_from_db()
    assert entry.hidden
    assert names(client.get("/roster/")) == []
