"""Builders for course trees: a course with N modules (each requiring the one before)
and M workshops, as editors would arrange them."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from courses.choices import EnrolmentMode, EnrolmentRole, ModuleAccess
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage, WorkshopPage

AMMAN = zoneinfo.ZoneInfo("Asia/Amman")


def amman(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)), AMMAN)


def make_index(home_page):
    return home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))


def make_course(index, slug="mh-care", modules=3, workshops=1, chain=True, **fields):
    today = timezone.localdate()
    course = index.add_child(
        instance=CoursePage(
            title=fields.pop("title", f"Course {slug}"),
            slug=slug,
            intro="Community mental health care in primary care.",
            start_date=fields.pop("start_date", today - timedelta(days=10)),
            end_date=fields.pop("end_date", today + timedelta(days=300)),
            enrolment_mode=fields.pop("enrolment_mode", EnrolmentMode.OPEN),
            **fields,
        )
    )
    previous = None
    for number in range(1, modules + 1):
        module = ModulePage(
            title=f"Module {number}",
            slug=f"module-{number}",
            summary=f"Summary of module {number}",
            access=ModuleAccess.OPEN if number == 1 else ModuleAccess.MEMBERS,
            body=[("paragraph", f"<p>Secret body of module {number}</p>")],
        )
        if chain and previous:
            module.prerequisites = [previous]
        previous = course.add_child(instance=module)
    for number in range(1, workshops + 1):
        first_day = today + timedelta(days=20 * number)
        course.add_child(
            instance=WorkshopPage(
                title=f"Workshop {number}",
                slug=f"workshop-{number}",
                starts_at=amman(first_day, 9),
                ends_at=amman(first_day + timedelta(days=2), 17),
                time_zone="Asia/Amman",
                join_url=f"https://meet.example.org/ws-{number}",
            )
        )
    return course


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def enrol(user, course, role=EnrolmentRole.PARTICIPANT, **fields):
    return Enrolment.objects.create(user=user, course=course, role=role, **fields)
