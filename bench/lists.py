"""The large lists of issue 21, each made to its size in a bench database only and
measured before the next one grows the course further (`LARGE_LISTS`, in that order):
the attendance checklist of 500 participants, evaluation results of 1,000 answers, the
collaborative view of 50 teams, the roster of 5,000 entries and the admin's enrolment
listing of 10,000 enrolments. Each `ensure_*` makes only what is missing."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from attendance.models import Attendance
from attendance.records import workshop_days
from bench import collaborative, roster
from courses.choices import EnrolmentRole
from courses.demo import COURSE_SLUG, crowd
from courses.models import CoursePage, Enrolment, WorkshopPage
from evaluations.demo import anonymous_answers
from evaluations.models import EvaluationAnswer, EvaluationPage, EvaluationRespondent

ATTENDANCE, ANSWERS, ENROLMENTS = 500, 1000, 10_000
COURSE = f"/courses/{COURSE_SLUG}/"
WORKSHOP = "workshop-1-amman"


def bench_participants(course, count):
    """`count` bench accounts (plausible names, no usable password) enrolled in `course`
    as participants, made once."""
    User = get_user_model()  # noqa: N806
    unusable = make_password(None)
    usernames = [f"bench-participant-{n}" for n in range(count)]
    User.objects.bulk_create(
        [
            User(username=username, email=f"{username}@example.org", password=unusable,
                 display_name=crowd.person(n)[1], country=crowd.person(n)[3])
            for n, username in enumerate(usernames)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )  # fmt: skip
    users = list(User.objects.filter(username__in=usernames).order_by("pk"))
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, course=course, role=EnrolmentRole.PARTICIPANT) for user in users],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return users


def demo_course():
    return CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="en")


def ensure_attendance():
    """The first workshop's checklist with 500 participants, nearly all present."""
    course = demo_course()
    workshop = WorkshopPage.objects.child_of(course).get(slug=WORKSHOP)
    others = Enrolment.objects.filter(course=course, role=EnrolmentRole.PARTICIPANT)
    others = others.exclude(user__username__startswith="bench-participant-").count()
    users = bench_participants(course, max(ATTENDANCE - others, 0))
    Attendance.objects.bulk_create(
        [
            Attendance(user=user, workshop=workshop, day=day)
            for number, user in enumerate(users)
            for index, day in enumerate(workshop_days(workshop))
            if (number + index) % 9
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return (f"attendance ({ATTENDANCE} participants)", f"{workshop.url}attendance/")


def ensure_answers():
    """The first workshop's evaluation with 1,000 answers."""
    course = demo_course()
    workshop = WorkshopPage.objects.child_of(course).get(slug=WORKSHOP)
    page = EvaluationPage.objects.child_of(workshop).get()
    missing = ANSWERS - EvaluationAnswer.objects.filter(page=page).count()
    if missing > 0:
        respondents = EvaluationRespondent.objects.filter(page=page)
        answered = set(respondents.values_list("user_id", flat=True))
        users = bench_participants(course, ATTENDANCE + missing)
        fresh = [(n, user) for n, user in enumerate(users) if user.pk not in answered]
        respondents, answers = anonymous_answers(page, fresh[:missing])
        EvaluationRespondent.objects.bulk_create(respondents, batch_size=1000)
        EvaluationAnswer.objects.bulk_create(answers, batch_size=1000)
    return (f"evaluation results ({ANSWERS} answers)", f"{page.url}results/")


def ensure_enrolments():
    """The admin's enrolment listing with 10,000 enrolments in all."""
    course = demo_course()
    have = Enrolment.objects.count()
    mine = Enrolment.objects.filter(user__username__startswith="bench-participant-").count()
    bench_participants(course, max(ENROLMENTS - (have - mine), mine))
    return (f"admin: enrolments ({ENROLMENTS:,})", "/admin/snippets/courses/enrolment/")


def ensure_collaborative():
    return collaborative.ensure_size(COURSE)[0]


def ensure_roster():
    return roster.ensure_size()[0]


# (ensure function, demo account to sign in as), measured in this order.
LARGE_LISTS = [
    (ensure_attendance, "facilitator"),
    (ensure_answers, "facilitator"),
    (ensure_collaborative, "facilitator"),
    (ensure_roster, None),
    (ensure_enrolments, "admin"),
]
