"""Demo collaborative: “Scaling up community mental health care”, its thematic areas,
facilitators, modules with prerequisites, workshops with agendas, follow-up pages, and
the demo learner and facilitator enrolled. `scale` makes that many courses.

Everything is created only when missing, so a second run changes no row.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from courses.choices import (
    AgendaItemKind,
    CourseFormat,
    EnrolmentRole,
    ModuleAccess,
    PersonRole,
    WorkshopFormat,
)
from courses.course_forums import ensure_course_forum
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CoursePerson,
    Enrolment,
    FollowUpPage,
    FollowUpReminder,
    ModuleCompletion,
    ModulePage,
    Theme,
    WorkshopPage,
)
from home.models import HomePage, Person, User

COURSE_SLUG = "scaling-up-community-mental-health-care"
FACILITATORS_GROUP = "Facilitators"

THEMES = [
    (
        "Contextual adaptation",
        "contextual-adaptation",
        "Fitting a practice to the language, culture and health system where it is used.",
    ),
    (
        "Policy engagement",
        "policy-engagement",
        "Bringing ministries, insurers and district managers in early.",
    ),
    (
        "Implementation science",
        "implementation-science",
        "Measuring fidelity, reach and outcomes so that what works can spread.",
    ),
]

PEOPLE = [
    # name, job title, organisation, country, bio
    (
        "Dr Samira Haddad",
        "Clinical lead",
        "Amman Centre for Community Mental Health",
        "Jordan",
        "Psychiatrist who has trained more than two hundred lay counsellors in primary care.",
    ),
    (
        "Dr Farhan Qureshi",
        "Implementation researcher",
        "Human Development Research Foundation",
        "Pakistan",
        "Leads fidelity and outcome measurement for task-shared psychological care.",
    ),
    (
        "Dr Laleh Karimi",
        "Former deputy director, mental health",
        "Ministry of Health",
        "Iran",
        "Brought community mental health into Iran's primary health care network.",
    ),
]

MODULES = [
    # title, slug, minutes, access, prerequisite slugs, summary, objectives
    (
        "What task sharing means",
        "what-task-sharing-means",
        30,
        ModuleAccess.OPEN,
        [],
        "Why trained non-specialists can deliver effective psychological help, and what "
        "specialists do instead.",
        "Explain task sharing in one sentence\nName three roles a lay counsellor can take on",
    ),
    (
        "Adapting an intervention to your context",
        "adapting-to-your-context",
        45,
        ModuleAccess.MEMBERS,
        ["what-task-sharing-means"],
        "Change the surface of a practice (language, examples, who delivers it) and keep its "
        "active ingredients.",
        "Tell surface changes from changes to active ingredients\nPlan a cultural adaptation "
        "with service users",
    ),
    (
        "Supervision that sustains lay counsellors",
        "supervision",
        40,
        ModuleAccess.MEMBERS,
        ["what-task-sharing-means"],
        "Peer and specialist supervision that keeps quality up and counsellors in post.",
        "Run a one-hour group supervision session\nUse a competency checklist",
    ),
    (
        "Engaging policy makers early",
        "engaging-policy-makers",
        35,
        ModuleAccess.MEMBERS,
        ["adapting-to-your-context"],
        "Find who decides about funding and staffing, and bring them in before results are in.",
        "Map the decision makers of your district\nWrite a one-page policy brief",
    ),
    (
        "Measuring fidelity and outcomes",
        "measuring-fidelity-and-outcomes",
        50,
        ModuleAccess.MEMBERS,
        ["adapting-to-your-context", "supervision"],
        "Simple routine measures that show whether the practice is delivered as intended and "
        "whether people get better.",
        "Choose an outcome measure for routine use\nSet up a monthly fidelity check",
    ),
    (
        "Planning for scale",
        "planning-for-scale",
        45,
        ModuleAccess.MEMBERS,
        ["engaging-policy-makers", "measuring-fidelity-and-outcomes"],
        "From one district to a region: budget, training cascade and the data funders ask for.",
        "Cost a training cascade\nDraft the scale-up section of a funding proposal",
    ),
]

AGENDA_DAYS = [
    (
        "Why and how we share tasks",
        [
            ("09:00", "09:30", "Welcome and introductions", AgendaItemKind.FULL_GROUP, [0]),
            ("09:30", "10:30", "Task sharing: the evidence", AgendaItemKind.TALK, [1]),
            (
                "11:00",
                "12:30",
                "Team presentations: where we start from",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
            ("13:30", "15:00", "Barriers in our services", AgendaItemKind.SMALL_GROUP, [0]),
            (
                "15:30",
                "16:30",
                "Reading time: the adaptation framework",
                AgendaItemKind.SELF_DIRECTED,
                [],
            ),
            ("16:30", "17:00", "What we heard today", AgendaItemKind.FULL_GROUP, [0]),
        ],
    ),
    (
        "Adapting the practice",
        [
            ("09:00", "10:00", "Surface and deep adaptation", AgendaItemKind.TALK, [0]),
            (
                "10:00",
                "12:00",
                "Adapting session materials with service users",
                AgendaItemKind.SMALL_GROUP,
                [0, 1],
            ),
            (
                "13:00",
                "14:00",
                "How Iran brought mental health into primary care",
                AgendaItemKind.GUEST_SESSION,
                [2],
            ),
            ("14:00", "15:30", "Policy engagement clinic", AgendaItemKind.SMALL_GROUP, [2]),
            (
                "16:00",
                "17:00",
                "Peer feedback on adaptation plans",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
        ],
    ),
    (
        "Measuring and planning",
        [
            ("09:00", "10:00", "Fidelity and outcome measures", AgendaItemKind.TALK, [1]),
            (
                "10:00",
                "11:30",
                "Designing your monthly data review",
                AgendaItemKind.SMALL_GROUP,
                [1],
            ),
            (
                "12:00",
                "13:00",
                "Action plans until the next workshop",
                AgendaItemKind.SELF_DIRECTED,
                [],
            ),
            (
                "14:00",
                "15:00",
                "Action plans: each team in two minutes",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
            ("15:00", "16:00", "Closing circle and evaluation", AgendaItemKind.FULL_GROUP, [0, 1]),
        ],
    ),
]

REMINDERS = [
    (
        7,
        "One week on: have you met your supervisor?",
        "At the workshop each team planned a first supervision session. If it has not happened "
        "yet, book it this week and bring one case.",
    ),
    (
        21,
        "Three weeks on: share one barrier in the forum",
        "Post one thing that got in the way of your action plan, and one thing that helped.",
    ),
    (
        42,
        "Six weeks on: your first monthly data review",
        "Look at the fidelity checklist and outcome scores with your team before the next call.",
    ),
]


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
    start = today - timedelta(days=75)
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


def create_index(home):
    index = CourseIndexPage.objects.first()
    if index:
        return index
    return home.add_child(
        instance=CourseIndexPage(
            title="Courses",
            slug="courses",
            intro="<p>Collaboratives and courses open to primary-care teams. Each mixes live "
            "workshops with short online modules.</p>",
        )
    )


def link_home_button(home, index):
    if home.hero_cta_link_id:
        return
    home.hero_cta_link = index
    home.save_revision().publish()


def enrol_demo_users(course):
    learner = User.objects.get(username="learner")
    facilitator = User.objects.get(username="facilitator")
    Enrolment.objects.get_or_create(user=learner, course=course)
    Enrolment.objects.get_or_create(
        user=facilitator, course=course, defaults={"role": EnrolmentRole.FACILITATOR}
    )
    for slug in ("what-task-sharing-means", "adapting-to-your-context"):
        module = ModulePage.objects.child_of(course).get(slug=slug)
        ModuleCompletion.objects.get_or_create(user=learner, module=module)
    facilitator.groups.add(Group.objects.get(name=FACILITATORS_GROUP))


def find_library_page(home):
    library = home.get_children().filter(slug="library").first()
    if library is None:
        return None
    return library.get_children().live().first() or library


def load(scale, stdout):
    home = HomePage.objects.first()
    themes = [
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": text})[0]
        for name, slug, text in THEMES
    ]
    people = [
        Person.objects.get_or_create(
            name=name,
            defaults={"job_title": job, "organisation": org, "country": country, "bio": bio},
        )[0]
        for name, job, org, country, bio in PEOPLE
    ]
    index = create_index(home)
    library_page = find_library_page(home)
    existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
    for number in range(1, scale + 1):
        slug = COURSE_SLUG if number == 1 else f"{COURSE_SLUG}-{number}"
        title = "Scaling up community mental health care"
        if number > 1:
            title = f"{title} (cohort {number})"
        if slug not in existing:
            create_course(index, slug, title, themes, people, library_page)
    enrol_demo_users(CoursePage.objects.child_of(index).get(slug=COURSE_SLUG))
    link_home_button(home, index)
    stdout.write(f"Courses: {scale} demo course(s) at {index.url}")
