"""Demo attendance for the demo collaborative: the first workshop's three days, with a
few days missed, the quarterly call optional, and one participant (nour.elsayed) who
completed the course and holds a certificate.

At --scale 2 and above the crowd (courses/demo/crowd.py) attends it too, nearly every
day. Rows are created only when missing and every value is fixed, so a second run
changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from attendance.models import Attendance
from attendance.records import workshop_days
from core.demo import DEMO_PASSWORD
from courses.completion import update_completions
from courses.demo import COURSE_SLUG, crowd
from courses.demo.content import PARTICIPANTS
from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    ModuleCompletion,
    ModulePage,
    WorkshopPage,
)

COMPLETED = "nour.elsayed"
MISSED = {("omar.nasser", 3), ("keisha.johnson", 2), ("learner", 3)}


def not_required(workshop):
    """The quarterly call is optional for completion; published like an editor would."""
    if workshop.required:
        workshop.required = False
        workshop.save_revision().publish()


def record_attendance(workshop, users, facilitator, missed):
    """Everyone at every day, except the (username, day number) pairs in `missed`."""
    for user in users:
        for number, day in enumerate(workshop_days(workshop), start=1):
            if (user.username, number) not in missed:
                Attendance.objects.get_or_create(
                    user=user, workshop=workshop, day=day, defaults={"recorded_by": facilitator}
                )


def complete(course, user, workshops, facilitator):
    for module in ModulePage.objects.child_of(course).live():
        ModuleCompletion.objects.get_or_create(user=user, module=module)
    for workshop in workshops:
        record_attendance(workshop, [user], facilitator, missed=set())
    update_completions(course, [user.pk])
    Certificate.objects.get_or_create(enrolment=Enrolment.objects.get(user=user, course=course))


def record_crowd(workshop, scale, facilitator):
    """Mostly present: participant n misses a day when (n + day) is a multiple of nine."""
    days = workshop_days(workshop)
    Attendance.objects.bulk_create(
        [
            Attendance(user=user, workshop=workshop, day=day, recorded_by=facilitator)
            for number, user in enumerate(crowd.users(scale))
            for index, day in enumerate(days)
            if (number + index) % 9
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def load(scale, stdout):
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if course is None:
        return
    workshops = {w.slug: w for w in WorkshopPage.objects.child_of(course)}
    first, second = workshops["workshop-1-amman"], workshops["workshop-2-online"]
    not_required(workshops["quarterly-call"])
    people = get_user_model().objects.filter(
        username__in=[row[0] for row in PARTICIPANTS] + ["learner", "facilitator"]
    )
    by_username = {user.username: user for user in people}
    facilitator = by_username.pop("facilitator")
    record_attendance(first, list(by_username.values()), facilitator, MISSED)
    complete(course, by_username[COMPLETED], [first, second], facilitator)
    record_crowd(first, scale, facilitator)
    stdout.write(
        f"Attendance: {first.title}; {COMPLETED} ({DEMO_PASSWORD}) has completed the course "
        "and has a certificate"
    )
