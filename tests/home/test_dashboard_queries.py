"""/dashboard/ costs a fixed number of queries, whatever the learner's content: one course
or four, with more modules, workshops, teams, measures, months of data, pre-work, forum
topics, evaluations and calls, and under every language prefix."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from attendance.models import Attendance
from calls.models import CallRegistration
from courses.choices import EnrolmentMode, ProgrammeForm
from courses.course_forums import ensure_course_forum
from courses.models import ModuleCompletion, WorkshopPage
from forums.choices import Scope
from forums.models import Forum
from improvement.models import MonthlyValue
from improvement.months import add_months
from prework.choices import PreworkKind
from tests.applications.conftest import make_application
from tests.calls.conftest import make_call
from tests.courses.factories import enrol, make_course, make_index, modules_of
from tests.evaluations.conftest import make_evaluation
from tests.factories import UserFactory
from tests.forums.factories import make_topic
from tests.improvement.conftest import make_measure
from tests.prework.conftest import make_item
from tests.teams.conftest import join, make_team

# Issue 21's budget, with every panel shown: 2 for the layout (the user, the header's
# notification count) and 10 for the panels, which ask the database only for what is
# the reader's own (enrolments, completions, applications, attendance, places on calls,
# teams, monthly values, pre-work ticks, the team's module completions, unread topics).
# What every reader shares is remembered (structures, measures, pre-work items, forums,
# evaluations), and so are the reader's calendar address and answered evaluations,
# until a change of theirs (tests/home/test_shared_caches.py).
DASHBOARD_QUERIES = 12


def collaborative(index, learner, colleague, slug, size):
    """A collaborative the learner takes part in, in a team, with `size` times the
    modules, workshops, measures, months of data and pre-work items."""
    course = make_course(index, slug=slug, modules=3 * size, workshops=size)
    enrol(learner, course)
    enrol(colleague, course)
    for module in modules_of(course)[:size]:
        ModuleCompletion.objects.create(user=learner, module=module)
    team = make_team(course, slug=f"{slug}-team")
    join(team, learner, "clinician", "data_contact")
    join(team, colleague, "senior_leader")
    first = add_months(timezone.localdate().replace(day=1), -6 * size)
    for number in range(size):
        measure = make_measure(course, name=f"Measure {number}", first_month=first)
        MonthlyValue.objects.bulk_create(
            MonthlyValue(team=team, measure=measure, month=add_months(first, month),
                         numerator=month, denominator=40)
            for month in range(6 * size)
        )  # fmt: skip
    for number in range(size):
        make_item(course, f"Item {number}", sort_order=number)
    make_item(course, "Modules", PreworkKind.MODULES, modules=modules_of(course)[:2])
    make_item(course, "Baseline", PreworkKind.BASELINE, baseline_months=2)
    workshops = list(WorkshopPage.objects.child_of(course))
    for workshop in workshops:
        Attendance.objects.create(user=learner, workshop=workshop, day=workshop.starts_at.date())
        make_evaluation(workshop, slug=f"evaluation-{workshop.pk}")
    for number in range(size):
        CallRegistration.objects.create(call=make_call(course, days=3 + number), user=learner)
    forum = ensure_course_forum(course)
    for number in range(size):
        make_topic(forum, colleague, title=f"Topic {number}", replies=size)
    return course


def world(index, size):
    """A learner's dashboard content at `size`: `size` collaboratives, a learning
    community with pre-work, an application, a members' forum, and a course (with its
    forum) the learner is no member of."""
    learner = UserFactory(username=f"learner-{size}")
    colleague = UserFactory(username=f"colleague-{size}")
    for number in range(size):
        collaborative(index, learner, colleague, f"collab-{size}-{number}", size)
    community = make_course(
        index, slug=f"peers-{size}", workshops=0, programme_form=ProgrammeForm.COMMUNITY
    )
    enrol(learner, community)
    make_item(community, f"Introduce yourself {size}")
    apply_to = make_course(
        index, slug=f"perinatal-{size}", enrolment_mode=EnrolmentMode.APPLICATION
    )
    make_application(apply_to, learner)
    ensure_course_forum(apply_to)
    members = Forum.objects.create(name="Members", slug=f"members-{size}", scope=Scope.MEMBERS)
    for number in range(size):
        make_topic(members, colleague, title=f"Members topic {number}", replies=size)
    return learner


def dashboard_queries(client, learner, prefix=""):
    client.force_login(learner)
    assert client.get(f"{prefix}/dashboard/").status_code == 200  # first visit: calendar token
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{prefix}/dashboard/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_dashboard_queries_do_not_grow_with_content(client, home_page, prefix):
    """The large learner also sees the small one's forums, as a stranger."""
    index = make_index(home_page)
    small, small_html = dashboard_queries(client, world(index, 1), prefix)
    large, large_html = dashboard_queries(client, world(index, 4), prefix)
    # Every panel is on the page, at both sizes.
    for html, size in ((small_html, 1), (large_html, 4)):
        for text in ("forum-panel-heading", "Measure 0", "Item 0", f"Introduce yourself {size}"):
            assert text in html
    assert "Topic 3" in large_html and "Topic 3" not in small_html
    assert small == large
    assert large <= DASHBOARD_QUERIES, (small, large)
