"""Hours in sessions per person, for those who compensate participants for their time:
workshop days (attendance), informational calls and consultation calls attended.

A fixed number of queries whatever the number of people and sessions: one per kind of
session, one for the workshops and one for the people.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from attendance.models import Attendance
from attendance.records import hours_per_day
from calls.models import CallRegistration, ConsultationAttendance
from courses import access
from courses.choices import EnrolmentRole
from courses.models import WorkshopPage


@dataclass
class PersonHours:
    person: object
    workshops: float = 0
    calls: float = 0
    consultations: float = 0
    sessions: int = field(default=0)

    @property
    def total(self):
        return self.workshops + self.calls + self.consultations


def course_hours(course, only=None):
    """[PersonHours] of the course's participants and anyone who attended one of its
    sessions, by name; `only` (a set of user ids) narrows it to those people."""
    course = access.original(course)
    workshops = {w.pk: w for w in WorkshopPage.objects.child_of(course).live()}
    found = defaultdict(lambda: defaultdict(float))
    counts = defaultdict(int)
    rows = Attendance.objects.filter(workshop_id__in=workshops)
    for user_id, workshop_id in rows.values_list("user_id", "workshop_id"):
        found[user_id]["workshops"] += hours_per_day(workshops[workshop_id])
        counts[user_id] += 1
    calls = CallRegistration.objects.filter(call__course=course, attended=True)
    for user_id, starts, ends in calls.values_list("user_id", "call__starts_at", "call__ends_at"):
        found[user_id]["calls"] += (ends - starts).total_seconds() / 3600
        counts[user_id] += 1
    consulted = ConsultationAttendance.objects.filter(series__course=course)
    for user_id, minutes in consulted.values_list("user_id", "series__duration_minutes"):
        found[user_id]["consultations"] += minutes / 60
        counts[user_id] += 1
    people = get_user_model().objects.filter(
        Q(pk__in=list(found)) | Q(pk__in=access.member_ids(course.pk, [EnrolmentRole.PARTICIPANT]))
    )
    if only is not None:
        people = people.filter(pk__in=only)
    return [
        PersonHours(person, sessions=counts[person.pk], **found[person.pk])
        for person in people.order_by("display_name", "username")
    ]
