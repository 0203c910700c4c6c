"""A course's dated phases: the timeline on its page (today's marked), the next milestone
on the index, all-day events in its calendar, and the admin's refusal of bad dates."""

import re
import zoneinfo
from datetime import date, timedelta

import icalendar
import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.choices import EnrolmentMode, PhaseKind
from courses.models import CoursePage, CoursePhase
from tests.courses.factories import make_course
from tests.courses.test_queries import queries_for
from tests.factories import UserFactory

LANGUAGE_PREFIXES = ["", "/ar", "/fa", "/ur"]


def add_phases(course, *spans, today=None):
    """Phases of the usual kinds, in order, each `(first day offset, last day offset)`
    from today."""
    today = today or timezone.localdate()
    kinds = list(PhaseKind)
    for number, (first, last) in enumerate(spans):
        CoursePhase.objects.create(
            page=course,
            kind=kinds[number % len(kinds)],
            starts_on=today + timedelta(days=first),
            ends_on=today + timedelta(days=last),
        )


@pytest.fixture
def upcoming(course_index):
    """By application, no programme yet: informational calls done, applications open."""
    course = make_course(
        course_index,
        slug="upcoming",
        modules=0,
        workshops=0,
        enrolment_mode=EnrolmentMode.APPLICATION,
    )
    add_phases(course, (-30, -10), (-9, 20), (21, 60), (61, 300), (301, 400))
    return course


def timeline_items(html):
    return re.findall(r'<li class="timeline__phase[^"]*"[^>]*>.*?</li>', html, re.S)


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_the_course_page_marks_todays_phase_in_words_not_only_colour(client, upcoming, prefix):
    html = client.get(f"{prefix}/courses/upcoming/").content.decode()
    items = timeline_items(html)
    assert len(items) == 5
    current = [item for item in items if 'aria-current="step"' in item]
    assert len(current) == 1
    assert current[0] == items[1]
    assert "timeline__now" in current[0]
    with translation.override(prefix.strip("/") or "en"):
        assert str(PhaseKind.APPLICATIONS.label) in current[0]


def test_an_application_course_without_a_programme_shows_its_phases(client, upcoming):
    html = client.get("/courses/upcoming/").content.decode()
    assert "Learning sessions and action periods" in html
    assert "The programme will be published soon." not in html
    assert 'id="programme-heading"' not in html


def test_a_course_without_phases_keeps_its_programme_and_no_timeline(client, course):
    html = client.get(course.url).content.decode()
    assert 'id="programme-heading"' in html
    assert "timeline__phase" not in html


def test_the_index_shows_each_courses_next_milestone(client, upcoming, course):
    add_phases(course, (5, 30))
    closes = date_format(timezone.localdate() + timedelta(days=20))
    opens = date_format(timezone.localdate() + timedelta(days=5))
    html = client.get("/courses/").content.decode()
    assert f"Applications open until {closes}" in html
    assert f"Informational calls from {opens}" in html


def test_the_milestone_is_in_the_readers_language_and_date_format(client, upcoming):
    closes = timezone.localdate() + timedelta(days=20)
    html = client.get("/ar/courses/").content.decode()
    with translation.override("ar"):
        assert date_format(closes) in html
        assert date_format(closes) != closes.strftime("%-d %B %Y")


def test_a_finished_timeline_announces_nothing(client, course):
    add_phases(course, (-60, -30))
    assert 'class="milestone"' not in client.get("/courses/").content.decode()


def test_todays_phase_is_the_readers_day(client, course_index):
    """Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC−11): a phase
    that ends on Pago Pago's today is over for a reader in Kiritimati."""
    course = make_course(course_index, slug="zones", modules=0, workshops=0)
    behind = timezone.now().astimezone(zoneinfo.ZoneInfo("Pacific/Pago_Pago")).date()
    CoursePhase.objects.create(
        page=course,
        kind=PhaseKind.APPLICATIONS,
        starts_on=behind - timedelta(days=5),
        ends_on=behind,
    )
    for zone, current in (("Pacific/Pago_Pago", True), ("Pacific/Kiritimati", False)):
        client.force_login(UserFactory(username=zone.split("/")[1].lower(), time_zone=zone))
        html = client.get(course.url).content.decode()
        assert ('aria-current="step"' in html) is current, zone
        milestone = "Applications open until" in client.get("/courses/").content.decode()
        assert milestone is current, zone


def test_the_course_calendar_has_an_all_day_event_per_phase(client, upcoming):
    response = client.get("/courses/upcoming/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    found = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))
    phases = list(upcoming.phases.order_by("starts_on"))
    assert len(found) == len(phases) == 5
    for phase, event in zip(phases, found, strict=True):
        assert event.decoded("dtstart") == phase.starts_on
        assert event.decoded("dtend") == phase.ends_on + timedelta(days=1)
        assert str(event["summary"]) == f"{upcoming.title}: {phase.label}"


def test_index_queries_do_not_grow_with_courses_and_phases(client, course_index):
    client.force_login(UserFactory(username="reader"))
    add_phases(make_course(course_index, slug="first", modules=1), (0, 10))
    small = queries_for(client, "/courses/")
    for number in range(8):
        course = make_course(course_index, slug=f"more-{number}", modules=1)
        add_phases(course, (-40, -20), (-19, 0), (1, 30), (31, 90), (91, 200))
    assert queries_for(client, "/courses/") == small


def course_form(phases):
    return nested_form_data(
        {
            "title": "Timeline",
            "slug": "timeline",
            "intro": "x",
            "description": streamfield([]),
            "start_date": "2031-03-01",
            "end_date": "2031-12-31",
            "format": "virtual",
            "enrolment_mode": "application",
            "programme_form": "collaborative",
            "people": inline_formset([]),
            "phases": inline_formset(phases),
        }
    )


def phase(kind, starts, ends):
    return {"kind": kind, "title": "", "starts_on": starts, "ends_on": ends}


def test_an_editor_adds_phases_in_the_admin(client, course_index, superuser):
    client.force_login(superuser)
    data = course_form(
        [
            phase("applications", "2031-01-01", "2031-01-31"),
            phase("pre_work", "2031-02-01", "2031-02-28"),
        ]
    )
    response = client.post(f"/admin/pages/add/courses/coursepage/{course_index.pk}/", data)
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="timeline")
    assert [(p.kind, p.ends_on) for p in course.phases.order_by("starts_on")] == [
        ("applications", date(2031, 1, 31)),
        ("pre_work", date(2031, 2, 28)),
    ]


@pytest.mark.parametrize(
    ("phases", "message"),
    [
        (
            [
                phase("applications", "2031-01-01", "2031-01-31"),
                phase("pre_work", "2031-01-31", "2031-02-28"),
            ],
            "This phase overlaps “Applications”",
        ),
        ([phase("applications", "2031-01-31", "2031-01-01")], "cannot end before it starts"),
    ],
)
def test_overlapping_or_backwards_phases_are_refused(
    client, course_index, superuser, phases, message
):
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/add/courses/coursepage/{course_index.pk}/", course_form(phases)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CoursePage.objects.filter(slug="timeline").exists()
    assert not CoursePhase.objects.exists()


def test_a_translation_shows_the_originals_timeline(client, course):
    """Dates are one course's, whatever the language: phases added to the original after
    the Arabic copy was made appear on the copy, its card and its calendar."""
    arabic = course.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.save_revision().publish()
    add_phases(course, (-5, 20))
    html = client.get(arabic.url).content.decode()
    assert len(timeline_items(html)) == 1 and 'aria-current="step"' in html
    assert 'class="milestone"' in client.get("/ar/courses/").content.decode()
    calendar = icalendar.Calendar.from_ical(client.get(f"{arabic.url}calendar.ics").content)
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len([uid for uid in uids if uid.startswith("phase-")]) == 1
