"""The demo course's page tree: modules, workshops with agendas, follow-up pages."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from courses.choices import CourseFormat, PersonRole, WorkshopFormat
from courses.course_forums import ensure_course_forum
from courses.demo.content import AGENDA_DAYS, MODULES, REMINDERS, SUPERVISION_CHECKLIST
from courses.models import (
    CoursePage,
    CoursePerson,
    FollowUpPage,
    FollowUpReminder,
    ModulePage,
    WorkshopPage,
)


def module_body(title, library_page):
    body = [
        ("heading", {"text": "Why this matters", "size": "h2"}),
        (
            "paragraph",
            f"<p>{title} is where many teams in earlier collaboratives got stuck. This module "
            "collects what helped them, in their own words.</p>",
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": "From the Lahore team",
                "text": "<p>Start small: one clinic, one counsellor, one month.</p>",
            },
        ),
        (
            "reflection",
            {
                "prompt": "What would change for your service users if this worked?",
                "hint": "Think of one person you saw last month.",
            },
        ),
        (
            "activity",
            {
                "title": "Talk it through with your team",
                "minutes": 20,
                "instructions": "<ol><li>Read the case together.</li><li>Note two "
                "barriers and one thing you could try next week.</li></ol>",
            },
        ),
    ]
    if library_page:
        body.append(
            (
                "library_resource",
                {"page": library_page, "note": "Background reading from the library"},
            )
        )
    return body


def supervision_handout():
    """The members-only supervision module's handout (served to members only)."""
    title = "Group supervision checklist (Karachi and Lahore teams)"
    Document = get_document_model()  # noqa: N806
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document.objects.create(
            title=title,
            file=ContentFile(SUPERVISION_CHECKLIST.encode(), name="supervision-checklist.txt"),
        )
    return document


def local(day, clock, zone):
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(clock)), zone)


def agenda(first_day, people):
    return [
        (
            "day",
            {
                "date": first_day + timedelta(days=offset),
                "title": title,
                "items": [
                    (
                        "item",
                        {
                            "starts": time.fromisoformat(starts),
                            "ends": time.fromisoformat(ends),
                            "title": item_title,
                            "kind": kind,
                            "facilitators": [("person", people[i]) for i in who],
                            "description": "",
                        },
                    )
                    for starts, ends, item_title, kind, who in items
                ],
            },
        )
        for offset, (title, items) in enumerate(AGENDA_DAYS)
    ]


def follow_up(workshop, title):
    page = FollowUpPage(
        title=title,
        slug="follow-up",
        key_takeaways="<ul><li>Task sharing works when supervision is regular.</li>"
        "<li>Adapt the surface, protect the active ingredients.</li>"
        "<li>Bring a decision maker to the next session.</li></ul>",
        look_back_ahead="<p>We mapped where each team starts from. Before the next session, "
        "every team runs two supervision sessions and one data review.</p>",
        action_items=[
            (
                "action",
                {
                    "action": "Run two peer-supervision sessions",
                    "who": "Supervisor",
                    "by_when": "Within four weeks",
                },
            ),
            (
                "action",
                {
                    "action": "Invite the district manager to the next call",
                    "who": "Senior leader",
                    "by_when": "Before the next session",
                },
            ),
        ],
    )
    page.reminders = [
        FollowUpReminder(days_after=days, subject=subject, message=message)
        for days, subject, message in REMINDERS
    ]
    workshop.add_child(instance=page)


def online_session(course, name, intro, when):
    """A session on the collaborative's video call, times in UTC."""
    title, slug, session_format = name
    day, starts, ends = when
    utc = zoneinfo.ZoneInfo("UTC")
    return course.add_child(
        instance=WorkshopPage(
            title=title,
            slug=slug,
            intro=intro,
            format=session_format,
            starts_at=local(day, starts, utc),
            ends_at=local(day, ends, utc),
            time_zone="UTC",
            join_url=f"https://meet.example.org/collaborative-{slug}",
        )
    )


def create_course(index, slug, title, themes, people, library_page):
    today = timezone.localdate()
    # Nine months in: Workshop 1 (a month after the start) lies far enough back for the
    # teams' run charts to show what changed after it (improvement.demo).
    start = today - timedelta(days=275)
    course = CoursePage(
        title=title,
        slug=slug,
        intro="A twelve-month collaborative for primary-care teams that want to offer "
        "psychological help through trained lay counsellors.",
        description=[
            (
                "paragraph",
                "<p>Teams from Pakistan, Egypt, Iran, Jordan, the UK and the USA "
                "meet for two workshops and quarterly calls, and work through six short "
                "modules in between.</p>",
            ),
            ("heading", {"text": "Who should join", "size": "h2"}),
            (
                "paragraph",
                "<p>A core team of a senior leader, a supervisor and two to four "
                "clinicians or counsellors from the same service.</p>",
            ),
        ],
        start_date=start,
        end_date=start + timedelta(days=365),
        format=CourseFormat.BLENDED,
    )
    course.themes = themes
    course.people = [
        CoursePerson(person=people[0], role=PersonRole.FACILITATOR),
        CoursePerson(person=people[1], role=PersonRole.FACILITATOR),
        CoursePerson(person=people[2], role=PersonRole.GUEST_SPEAKER),
    ]
    index.add_child(instance=course)
    ensure_course_forum(course)

    modules = {}

    def add_module(index_in_list):
        title, m_slug, minutes, access, requires, summary, objectives = MODULES[index_in_list]
        module = ModulePage(
            title=title,
            slug=m_slug,
            summary=summary,
            learning_objectives=objectives,
            estimated_minutes=minutes,
            access=access,
            body=module_body(title, library_page),
        )
        if m_slug == "supervision":
            handout = {"document": supervision_handout(), "title": "Download the checklist"}
            module.body.append(("document", handout))
        module.prerequisites = [modules[required] for required in requires]
        modules[m_slug] = course.add_child(instance=module)

    amman = zoneinfo.ZoneInfo("Asia/Amman")
    add_module(0)
    add_module(1)
    first_day = start + timedelta(days=30)
    workshop = WorkshopPage(
        title="Workshop 1: Amman",
        slug="workshop-1-amman",
        intro="Three days in person to meet the other teams, adapt the practice and plan "
        "the first months.",
        format=WorkshopFormat.IN_PERSON,
        starts_at=local(first_day, "09:00", amman),
        ends_at=local(first_day + timedelta(days=2), "17:00", amman),
        time_zone="Asia/Amman",
        venue="Landmark Hotel, Al Hussein Bin Ali Street, Amman, Jordan",
        agenda=agenda(first_day, people),
    )
    workshop.prework = [modules["what-task-sharing-means"]]
    course.add_child(instance=workshop)
    follow_up(workshop, "Workshop 1: recordings, slides and take-aways")
    add_module(2)
    add_module(3)
    virtual = online_session(
        course,
        ("Workshop 2: online", "workshop-2-online", WorkshopFormat.VIRTUAL),
        "Half a day online: supervision in practice and first data.",
        (today - timedelta(days=12), "11:00", "14:30"),
    )
    follow_up(virtual, "Workshop 2: recording and take-aways")
    add_module(4)
    add_module(5)
    online_session(
        course,
        ("Quarterly call: barriers and solutions", "quarterly-call", WorkshopFormat.ONLINE_MEETING),
        "Ninety minutes online: each team brings one barrier and one solution.",
        (today + timedelta(days=16), "12:00", "13:30"),
    )
    return course
