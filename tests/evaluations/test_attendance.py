"""Facilitators record attendance per workshop day; participants cannot; the course's
attendance spreadsheet; the admin listing; a participant's own attendance."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attendance.models import Attendance
from tests.courses.factories import enrol
from tests.factories import UserFactory


def attendance_url(workshop):
    return workshop.url + "attendance/"


def days(workshop):
    first = workshop.local_starts_at.date()
    return [first + timedelta(days=n) for n in range(3)]


def mark(user, day):
    return f"{user.pk}:{day.isoformat()}"


def test_facilitator_sees_participants_with_a_box_per_day(
    client, workshop, participant, facilitator
):
    client.force_login(facilitator)
    response = client.get(attendance_url(workshop))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bilal Learner" in html and "Samira Facilitator" not in html
    assert html.count('type="checkbox" name="attended"') == 3


def test_facilitator_saves_and_corrects_attendance(client, workshop, participant, facilitator):
    client.force_login(facilitator)
    first, second, third = days(workshop)
    marks = [mark(participant, first), mark(participant, second)]
    response = client.post(attendance_url(workshop), {"attended": marks})
    assert response.status_code == 302
    stored = Attendance.objects.filter(user=participant, workshop=workshop)
    assert set(stored.values_list("day", flat=True)) == {first, second}
    assert stored.first().recorded_by == facilitator
    client.post(attendance_url(workshop), {"attended": [mark(participant, third)]})
    assert set(stored.values_list("day", flat=True)) == {third}
    page = client.get(attendance_url(workshop)).content.decode()
    assert f'value="{mark(participant, third)}" id="a-{participant.pk}-3" checked' in page


def test_participants_cannot_forge_attendance(client, workshop, participant):
    client.force_login(participant)
    assert client.get(attendance_url(workshop)).status_code == 403
    response = client.post(
        attendance_url(workshop), {"attended": [mark(participant, days(workshop)[0])]}
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("forged", ["stranger", "bad-day", "garbage"])
def test_marks_outside_the_list_are_refused_whole(
    client, workshop, participant, facilitator, stranger, forged
):
    value = {
        "stranger": mark(stranger, days(workshop)[0]),
        "bad-day": mark(participant, days(workshop)[0] - timedelta(days=1)),
        "garbage": "drop table",
    }[forged]
    client.force_login(facilitator)
    response = client.post(
        attendance_url(workshop), {"attended": [mark(participant, days(workshop)[0]), value]}
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_visitors_are_sent_to_sign_in(client, workshop):
    assert client.get(attendance_url(workshop)).status_code == 302
    assert client.post(attendance_url(workshop), {"attended": []}).status_code == 302


def test_a_page_called_attendance_elsewhere_is_still_served_by_wagtail(client, home_page):
    from home.models import StandardPage

    home_page.add_child(instance=StandardPage(title="Attendance policy", slug="attendance"))
    assert client.get("/attendance/").status_code == 200
    assert client.get("/nowhere/attendance/").status_code == 404


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_course_attendance_csv(client, course, workshop, participant, facilitator):
    Attendance.objects.create(user=participant, workshop=workshop, day=days(workshop)[1])
    client.force_login(facilitator)
    rows = read_csv(client.get(course.url + "attendance.csv"))
    assert rows[0][:4] == ["Participant", "Email", "Organisation", "Country"]
    assert rows[0][4:] == [f"Workshop 1 {day.isoformat()}" for day in days(workshop)]
    assert rows[1][0] == "Bilal Learner" and rows[1][4:] == ["", "yes", ""]
    client.force_login(participant)
    assert client.get(course.url + "attendance.csv").status_code == 403


def test_admin_lists_attendance_by_course(
    client, course_index, course, workshop, participant, editor
):
    from tests.courses.factories import make_course

    other = make_course(course_index, slug="other")
    other_workshop = other.get_children().type(type(workshop)).first().specific
    Attendance.objects.create(user=participant, workshop=workshop, day=days(workshop)[0])
    Attendance.objects.create(
        user=participant, workshop=other_workshop, day=days(other_workshop)[0]
    )
    client.force_login(editor)
    url = "/admin/snippets/attendance/attendance/"
    assert len(client.get(url).context["object_list"]) == 2
    assert len(client.get(url, {"course": course.pk}).context["object_list"]) == 1
    assert client.get(url, {"export": "csv"}).status_code == 200


def test_facilitators_see_only_their_courses_attendance_in_the_admin(
    client, course_index, course, workshop, participant, facilitator
):
    from django.contrib.auth.models import Group

    from tests.courses.factories import make_course

    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    other = make_course(course_index, slug="other")
    enrol(UserFactory(username="elsewhere"), other)
    other_workshop = other.get_children().type(type(workshop)).first().specific
    Attendance.objects.create(user=participant, workshop=workshop, day=days(workshop)[0])
    Attendance.objects.create(
        user=participant, workshop=other_workshop, day=days(other_workshop)[0]
    )
    client.force_login(facilitator)
    rows = client.get("/admin/snippets/attendance/attendance/").context["object_list"]
    assert [row.workshop_id for row in rows] == [workshop.pk]


def test_participants_see_their_own_attendance_on_the_dashboard(client, workshop, participant):
    from django.utils.dateformat import format as date_format

    first = days(workshop)[0]
    Attendance.objects.create(user=participant, workshop=workshop, day=first)
    client.force_login(participant)
    html = client.get("/dashboard/").content.decode()
    assert "Your attendance" in html
    # One of the workshop's three days recorded: that day attended, the other two not.
    assert html.count("attended") == 1 and html.count("not recorded") == 2
    assert f'<span class="day">{date_format(first, "j M")}: attended</span>' in html


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_attendance_page_and_csv_queries_do_not_grow(client, course_index, facilitator):
    from courses.models import WorkshopPage
    from tests.courses.factories import make_course

    counts = {"page": [], "csv": []}
    for slug, people, workshops in (("small", 3, 1), ("large", 30, 5)):
        course = make_course(course_index, slug=slug, workshops=workshops)
        enrol(facilitator, course, role="facilitator")
        for number in range(people):
            person = UserFactory(username=f"{slug}{number}")
            enrol(person, course)
            for workshop in WorkshopPage.objects.child_of(course):
                Attendance.objects.create(user=person, workshop=workshop, day=days(workshop)[0])
        client.force_login(facilitator)
        first = WorkshopPage.objects.child_of(course).first()
        counts["page"].append(count_queries(client, attendance_url(first)))
        counts["csv"].append(count_queries(client, course.url + "attendance.csv"))
    assert counts["page"][0] == counts["page"][1]
    assert counts["csv"][0] == counts["csv"][1]


def test_dashboard_panel_queries_do_not_grow(client, course_index):
    from courses.models import WorkshopPage
    from tests.courses.factories import make_course
    from tests.evaluations.conftest import make_evaluation

    counts = []
    for slug, courses in (("small", 1), ("large", 4)):
        learner = UserFactory(username=f"{slug}-learner")
        for number in range(courses):
            course = make_course(course_index, slug=f"{slug}-{number}", workshops=2)
            enrol(learner, course)
            for workshop in WorkshopPage.objects.child_of(course):
                make_evaluation(workshop)
                Attendance.objects.create(user=learner, workshop=workshop, day=days(workshop)[0])
        client.force_login(learner)
        counts.append(count_queries(client, "/dashboard/"))
    assert counts[0] == counts[1]


def test_attendance_checklist_costs_the_same_queries_for_3_and_30_participants(
    client, course, workshop, participant, facilitator, django_assert_num_queries
):
    """The checklist of a large workshop (500 participants in `make bench`) reads its
    rows and marks in a fixed number of queries, and labels each day in every cell."""
    client.force_login(facilitator)
    url = attendance_url(workshop)
    second = days(workshop)[1]
    Attendance.objects.create(user=participant, workshop=workshop, day=second)
    for _n in range(2):
        enrol(UserFactory(), course)
    client.get(url)  # warm: the site, locale and settings caches
    with CaptureQueriesContext(connection) as small:
        html = client.get(url).content.decode()
    assert html.count('type="checkbox" name="attended"') == 3 * 3
    for _n in range(27):
        enrol(UserFactory(), course)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('type="checkbox" name="attended"') == 30 * 3
    assert f'value="{mark(participant, second)}" id="a-{participant.pk}-2" checked' in html
    assert f"{participant.get_full_name()}</bdi> attended on <bdi" in html
