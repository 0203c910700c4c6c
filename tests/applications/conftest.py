from datetime import timedelta

import pytest
from django.utils import timezone

from applications.choices import TeamRole
from applications.models import Application, CoreTeamMember
from courses.choices import EnrolmentMode
from courses.models import FollowUpPage, FollowUpReminder, WorkshopPage
from tests.courses import conftest as courses_fixtures
from tests.courses.factories import make_course
from tests.factories import UserFactory

# The courses suite's fixtures, for these tests too.
course_index = courses_fixtures.course_index
course = courses_fixtures.course
participant = courses_fixtures.participant
facilitator = courses_fixtures.facilitator
withdrawn = courses_fixtures.withdrawn
stranger = courses_fixtures.stranger

TEAM = [
    ("Dr Ayesha Siddiqui", "ayesha@example.org", TeamRole.SENIOR_LEADER),
    ("Sadia Malik", "sadia@example.org", TeamRole.SUPERVISOR),
    ("Imran Butt", "imran@example.org", TeamRole.CLINICIAN),
]


@pytest.fixture
def open_course(course_index):
    """A course by application whose application period is open now."""
    now = timezone.now()
    return make_course(
        course_index,
        slug="perinatal",
        title="Perinatal mental health",
        workshops=0,
        enrolment_mode=EnrolmentMode.APPLICATION,
        applications_open_at=now - timedelta(days=1),
        applications_close_at=now + timedelta(days=10),
    )


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant1", display_name="Nadia Farouk")


def make_application(
    course, applicant, organisation="Shubra Family Health Unit", team=TEAM, **fields
):
    application = Application.objects.create(
        course=course,
        applicant=applicant,
        **fields,
        organisation=organisation,
        country="Egypt",
        practice="Problem Management Plus",
        ready_to_adopt=True,
        readiness_explanation="Our director backs it.",
        will_submit_metrics=True,
        can_attend_all_sessions=True,
    )
    for name, email, role in team:
        CoreTeamMember.objects.create(application=application, name=name, email=email, role=role)
    return application


@pytest.fixture
def application(open_course, applicant):
    return make_application(open_course, applicant)


def past_workshop(course, ended_ago, slug="past-workshop", reminders=((7, False),)):
    """A workshop that ended `ended_ago` before now, with a follow-up page holding one
    reminder per (days_after, include_facilitators)."""
    ends = timezone.now() - ended_ago
    workshop = course.add_child(
        instance=WorkshopPage(
            title=f"Workshop {slug}",
            slug=slug,
            starts_at=ends - timedelta(hours=6),
            ends_at=ends,
            time_zone="UTC",
        )
    )
    page = FollowUpPage(title=f"Follow-up of {slug}", slug="follow-up")
    page.reminders = [
        FollowUpReminder(
            days_after=days,
            subject=f"Reminder {days} days on",
            message=f"Try it with one client this week ({days}).",
            include_facilitators=with_facilitators,
        )
        for days, with_facilitators in reminders
    ]
    workshop.add_child(instance=page)
    return page
