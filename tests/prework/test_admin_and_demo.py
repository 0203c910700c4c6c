"""Editors define pre-work items in the admin (modules of the same course only; no
baseline check for a learning community); the demo has pre-work in every state and a
learning community; loading it twice changes nothing."""

from django.core.management import call_command
from django.urls import reverse

from courses.choices import ProgrammeForm
from courses.models import CoursePage
from prework import status
from prework.choices import PreworkKind, PreworkState
from prework.models import PreworkItem, PreworkTick
from tests.courses.factories import make_course, modules_of


def item_form(course, **fields):
    return {
        "course": course.pk,
        "title": "Complete modules 1 and 2",
        "description": "",
        "due_days": 30,
        "sort_order": 0,
        "kind": PreworkKind.MODULES,
        "modules": [module.pk for module in modules_of(course)[:2]],
        "baseline_months": 3,
        **fields,
    }


def test_an_editor_adds_an_item_with_the_courses_modules(client, course, editor):
    client.force_login(editor)
    response = client.post(reverse("prework:add"), item_form(course))
    assert response.status_code == 302
    item = PreworkItem.objects.get()
    assert list(item.modules.order_by("path")) == modules_of(course)[:2]


def test_bad_items_are_refused_with_a_message(client, course, community, course_index, editor):
    client.force_login(editor)
    other = make_course(course_index, slug="other")
    cases = [
        (item_form(course, modules=[]), "Choose the modules to complete."),
        (item_form(course, modules=[modules_of(other)[0].pk]), "modules of this course only"),
        (
            item_form(community, kind=PreworkKind.BASELINE, modules=[]),
            "A learning community has no measures",
        ),
    ]
    for data, message in cases:
        response = client.post(reverse("prework:add"), data)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not PreworkItem.objects.exists()


def test_participants_cannot_open_the_admin_of_pre_work(client, course, participant):
    client.force_login(participant)
    assert client.get(reverse("prework:index")).status_code in (302, 403)


def test_the_demo_has_pre_work_in_every_state_and_a_learning_community(db):
    call_command("load_demo", force=True)
    community = CoursePage.objects.get(slug="peer-supervision-community-of-practice")
    assert community.programme_form == ProgrammeForm.COMMUNITY
    assert not community.has_teams
    seen = set()
    for course in CoursePage.objects.filter(prework_items__isnull=False).distinct():
        owners = status.course_owners(course)
        found = status.states(owners, status.course_items([course.pk]))
        seen |= {row.state for rows in found.values() for row in rows}
    assert seen == set(PreworkState)
    upcoming = CoursePage.objects.get(slug="perinatal-mental-health-in-primary-care")
    assert upcoming.phases.filter(kind="applications").exists()
    counts = PreworkItem.objects.count(), PreworkTick.objects.count()
    call_command("load_demo", force=True)
    assert (PreworkItem.objects.count(), PreworkTick.objects.count()) == counts
