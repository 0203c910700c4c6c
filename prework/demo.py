"""Demo timeline and pre-work: the phases of the upcoming perinatal collaborative
(applications open now) and of the running one; pre-work items on both, in several
states on the demo teams; and a learning community of individual clinicians, "Peer
supervision community of practice", with its own per-person pre-work.

Everything is created only when missing, so a second run changes no row.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.choices import (
    CourseFormat,
    EnrolmentMode,
    EnrolmentRole,
    ModuleAccess,
    PhaseKind,
    ProgrammeForm,
)
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CoursePhase,
    Enrolment,
    ModuleCompletion,
    ModulePage,
)
from prework.choices import PreworkKind
from prework.models import PreworkItem, PreworkTick
from teams.models import Team

RUNNING_SLUG = "scaling-up-community-mental-health-care"
UPCOMING_SLUG = "perinatal-mental-health-in-primary-care"
COMMUNITY_SLUG = "peer-supervision-community-of-practice"
FIRST_MODULES = ("what-task-sharing-means", "adapting-to-your-context")

UPCOMING_PHASES = [
    # kind, first day, last day (from today)
    (PhaseKind.INFORMATIONAL_CALLS, -45, -15),
    (PhaseKind.APPLICATIONS, -14, 30),
    (PhaseKind.PRE_WORK, 31, 59),
    (PhaseKind.LEARNING, 60, 330),
    (PhaseKind.SUSTAINABILITY, 331, 420),
]

RUNNING_ITEMS = [
    # title, description, due days, kind
    (
        "Form your core team",
        "A senior leader, a supervisor and two to four counsellors, named in the team page.",
        14,
        PreworkKind.MANUAL,
    ),
    (
        "Sign the participation agreement",
        "Signed by the senior leader: staff time for sessions, monthly data, sharing what "
        "you learn with the other teams.",
        21,
        PreworkKind.MANUAL,
    ),
    (
        "Complete modules 1 and 2",
        "Every team member: “What task sharing means” and “Adapting to your context”.",
        45,
        PreworkKind.MODULES,
    ),
    (
        "Enter three months of baseline data",
        "The three months before the first learning session, for every required measure.",
        60,
        PreworkKind.BASELINE,
    ),
]

UPCOMING_ITEMS = [
    (
        "Form your core team",
        "Confirm who will attend the learning sessions.",
        14,
        PreworkKind.MANUAL,
    ),
    (
        "Sign the participation agreement",
        "Your director signs for staff time and monthly screening numbers.",
        21,
        PreworkKind.MANUAL,
    ),
    (
        "Agree how you will count screened mothers",
        "Who records the EPDS score, where, and who sends the monthly figures.",
        45,
        PreworkKind.MANUAL,
    ),
]

COMMUNITY_MEMBERS = ["learner", "nour.elsayed", "reza.ahmadi", "sarah.thompson", "omar.nasser"]


def add_phases(course, phases, today):
    if course.phases.exists():
        return
    for kind, first, last in phases:
        CoursePhase.objects.create(
            page=course,
            kind=kind,
            starts_on=today + timedelta(days=first),
            ends_on=today + timedelta(days=last),
        )


def add_items(course, specs, modules=()):
    items = []
    for order, (title, description, due_days, kind) in enumerate(specs):
        item, created = PreworkItem.objects.get_or_create(
            course=course,
            title=title,
            defaults={
                "description": description,
                "due_days": due_days,
                "kind": kind,
                "sort_order": order,
            },
        )
        if created and kind == PreworkKind.MODULES:
            item.modules.set(modules)
        items.append(item)
    return items


def tick(item, team=None, user=None, by=None):
    PreworkTick.objects.get_or_create(item=item, team=team, user=user, defaults={"ticked_by": by})


def running_collaborative(course, today):
    """Teams accepted before the start: the early items are done or overdue."""
    start = course.start_date - timedelta(days=40)
    accepted = timezone.make_aware(datetime.combine(start, time(9)))
    Team.objects.filter(course=course, created_at__date__gt=start).update(created_at=accepted)
    add_phases(
        course,
        [
            (PhaseKind.APPLICATIONS, (start - today).days - 45, (start - today).days - 1),
            (PhaseKind.PRE_WORK, (start - today).days, (course.start_date - today).days - 1),
            (PhaseKind.LEARNING, (course.start_date - today).days, (course.end_date - today).days),
            (PhaseKind.SUSTAINABILITY, (course.end_date - today).days + 1, 450),
        ],
        today,
    )
    modules = ModulePage.objects.child_of(course).filter(slug__in=FIRST_MODULES)
    core_team, agreement, *_rest = add_items(course, RUNNING_ITEMS, modules)
    teams = list(Team.objects.filter(course=course).order_by("name"))
    for number, team in enumerate(teams):
        tick(core_team, team=team)
        if number % 2 == 0:
            tick(agreement, team=team)
    # The Jordan team finished modules 1 and 2 during pre-work: all its members.
    jordan = next((team for team in teams if team.country == "Jordan"), None)
    if jordan:
        for member in jordan.members.filter(user__isnull=False):
            for module in modules:
                ModuleCompletion.objects.get_or_create(user_id=member.user_id, module=module)


def upcoming_collaborative(course, today):
    add_phases(course, UPCOMING_PHASES, today)
    core_team, *_rest = add_items(course, UPCOMING_ITEMS)
    for team in Team.objects.filter(course=course):
        tick(core_team, team=team)


def community(index, today):
    course = CoursePage.objects.child_of(index).filter(slug=COMMUNITY_SLUG).first()
    if course is None:
        course = index.add_child(
            instance=CoursePage(
                title="Peer supervision community of practice",
                slug=COMMUNITY_SLUG,
                intro="Monthly peer supervision for counsellors and psychologists who "
                "supervise lay health workers, each in their own service.",
                description=[
                    (
                        "paragraph",
                        "<p>Individual clinicians bring one case a month, read one short "
                        "paper and discuss it in the forum. No teams and no measures: "
                        "just colleagues learning from each other.</p>",
                    )
                ],
                start_date=today - timedelta(days=30),
                end_date=today + timedelta(days=150),
                format=CourseFormat.VIRTUAL,
                enrolment_mode=EnrolmentMode.OPEN,
                programme_form=ProgrammeForm.COMMUNITY,
            )
        )
        for number, (title, slug) in enumerate(
            [
                ("Giving feedback that counsellors can use", "feedback"),
                ("Supervising when you are far away", "remote-supervision"),
            ],
            start=1,
        ):
            course.add_child(
                instance=ModulePage(
                    title=title,
                    slug=slug,
                    summary=f"Module {number} of the community's reading list.",
                    access=ModuleAccess.OPEN if number == 1 else ModuleAccess.MEMBERS,
                    body=[("paragraph", f"<p>{title}: a short reading and two questions.</p>")],
                )
            )
    add_phases(
        course,
        [(PhaseKind.PRE_WORK, -44, -31), (PhaseKind.LEARNING, -30, 150)],
        today,
    )
    first_module = ModulePage.objects.child_of(course).filter(slug="feedback")
    case, reading, _plan = add_items(
        course,
        [
            (
                "Write a one-page case you would bring to supervision",
                "No names or details that could identify the client.",
                7,
                PreworkKind.MANUAL,
            ),
            (
                "Complete module 1",
                "Giving feedback that counsellors can use.",
                21,
                PreworkKind.MODULES,
            ),
            (
                "Choose your learning goal for the six months",
                "One sentence, shared in the introductions thread of the forum.",
                60,
                PreworkKind.MANUAL,
            ),
        ],
        first_module,
    )
    # The founding members joined before the start; the demo learner ten days ago, so
    # their pre-work is still to do (and the demo's reminders stay the learner's one).
    founders = timezone.now() - timedelta(days=44)
    users = get_user_model().objects.filter(username__in=COMMUNITY_MEMBERS)
    members = {user.username: user for user in users}
    for username in COMMUNITY_MEMBERS:
        user = members.get(username)
        if user:
            joined = timezone.now() - timedelta(days=10) if username == "learner" else founders
            Enrolment.objects.get_or_create(
                user=user, course=course, defaults={"enrolled_at": joined}
            )
    facilitator = get_user_model().objects.filter(username="facilitator").first()
    if facilitator:
        Enrolment.objects.get_or_create(
            user=facilitator, course=course, defaults={"role": EnrolmentRole.FACILITATOR}
        )
    for username in ("learner", "nour.elsayed", "reza.ahmadi"):
        if username in members:
            tick(case, user=members[username], by=members[username])
    for username in ("nour.elsayed", "sarah.thompson"):
        if username in members:
            for module in first_module:
                ModuleCompletion.objects.get_or_create(user=members[username], module=module)
    return course


def load(scale, stdout):
    index = CourseIndexPage.objects.first()
    if index is None:
        return
    today = timezone.localdate()
    running = CoursePage.objects.child_of(index).filter(slug=RUNNING_SLUG).first()
    if running:
        running_collaborative(running, today)
    upcoming = CoursePage.objects.child_of(index).filter(slug=UPCOMING_SLUG).first()
    if upcoming:
        upcoming_collaborative(upcoming, today)
    course = community(index, today)
    stdout.write(
        f"Pre-work: items on {PreworkItem.objects.values('course').distinct().count()} "
        f"courses; a learning community at {course.url}"
    )
