"""Demo evaluation for the demo collaborative: the first workshop's anonymous evaluation
with twelve answers (the demo learner has not answered, so they can try it once).

At --scale 2 and above three in five of the crowd (courses/demo/crowd.py) answer too.
Rows are created only when missing and every value is fixed, so a second run changes
nothing.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.ids import random_anonymous_pk
from courses.choices import EnrolmentRole
from courses.demo import COURSE_SLUG, crowd
from courses.models import (
    CoursePage,
    WorkshopPage,
)
from evaluations.forms import AGREEMENT, RECOMMEND, ROLE_FIELD
from evaluations.models import (
    EvaluationAnswer,
    EvaluationField,
    EvaluationPage,
    EvaluationRespondent,
)

SESSIONS = [
    "Task sharing: the evidence",
    "Adapting session materials with service users",
    "How Iran brought mental health into primary care",
    "Policy engagement clinic",
    "Action plans: each team in two minutes",
]

QUESTIONS = [
    # label, type, required, choices
    ("The workshop met its objectives", AGREEMENT, True, ""),
    ("The sessions were relevant to my service", AGREEMENT, True, ""),
    ("I can use what I learned with my team", AGREEMENT, True, ""),
    ("The balance of talks, group work and reading time was right", AGREEMENT, True, ""),
    ("How likely are you to recommend this collaborative to a colleague?", RECOMMEND, True, ""),
    ("Which session was most useful to you?", "radio", True, "\n".join(SESSIONS)),
    ("What will you do differently in the next month?", "multiline", True, ""),
    ("What should we change for the next workshop?", "multiline", False, ""),
]

ANSWERS = [
    # username, four agreements, recommend, most useful session, two texts
    (
        "ayesha.siddiqui",
        5,
        5,
        4,
        4,
        10,
        1,
        "Start weekly peer supervision for our three lay counsellors.",
        "More time for the adaptation exercise.",
    ),
    (
        "imran.raza",
        4,
        5,
        4,
        3,
        9,
        0,
        "Share the evidence summary with our district manager.",
        "Days were long; finish at four.",
    ),
    (
        "nour.elsayed",
        5,
        4,
        5,
        4,
        9,
        1,
        "Rewrite two session handouts in Egyptian Arabic with service users.",
        "",
    ),
    (
        "mohamed.fathy",
        4,
        4,
        4,
        4,
        10,
        3,
        "Invite the governorate's mental health lead to our next team meeting.",
        "Interpretation into Arabic for the guest session.",
    ),
    (
        "maryam.hosseini",
        5,
        5,
        5,
        3,
        8,
        2,
        "Map who decides on staffing in our network.",
        "Send the reading before the workshop.",
    ),
    ("reza.ahmadi", 4, 4, 3, 4, 9, 2, "Try the fidelity checklist in one clinic.", ""),
    (
        "lina.alkhatib",
        5,
        5,
        5,
        5,
        10,
        1,
        "Run the first supervision session with a recorded case.",
        "Nothing: keep the team presentations.",
    ),
    (
        "omar.nasser",
        3,
        4,
        3,
        3,
        7,
        3,
        "Draft a one-page brief for the directorate.",
        "More small-group time, fewer talks.",
    ),
    (
        "sarah.thompson",
        4,
        5,
        4,
        4,
        9,
        4,
        "Agree a monthly data review with our team.",
        "Share slides on the day.",
    ),
    (
        "gareth.evans",
        4,
        3,
        4,
        2,
        10,
        0,
        "Pilot task sharing in one GP surgery.",
        "A quieter room for small groups.",
    ),
    (
        "keisha.johnson",
        3,
        4,
        4,
        3,
        6,
        4,
        "Bring our peer specialists into supervision.",
        "Connect the virtual participants better.",
    ),
    (
        "facilitator",
        4,
        5,
        4,
        3,
        9,
        1,
        "Follow up each team's action plan within two weeks.",
        "Shorter days, and a break before the closing circle.",
    ),
]

GROUP_FEEDBACK = (
    "<p>Teams valued meeting each other and the adaptation exercise most. Several asked "
    "for shorter days and for the reading to arrive a week before.</p>"
    "<p>Barriers named: supervisors' time, turnover of lay counsellors, and approval from "
    "district managers. We agreed to open the next quarterly call with policy engagement.</p>"
)


def create_evaluation(workshop):
    page = EvaluationPage.objects.child_of(workshop).first()
    if page:
        return page
    closes = timezone.localdate() + timedelta(days=30)
    page = EvaluationPage(
        title="Workshop 1: evaluation",
        slug="evaluation",
        intro="<p>Five minutes, eight questions. Your answers are anonymous: they help us "
        "plan the next workshop.</p>",
        thank_you_text="<p>Thank you. We read every answer before planning the next workshop.</p>",
        closes_at=timezone.make_aware(datetime.combine(closes, time(23, 59)), workshop.zone),
        anonymous=True,
        group_feedback=GROUP_FEEDBACK,
    )
    page.form_fields = [
        EvaluationField(label=label, field_type=kind, required=required, choices=choices)
        for label, kind, required, choices in QUESTIONS
    ]
    return workshop.add_child(instance=page)


def answer(page, user, row):
    names = [field.clean_name for field in page.form_fields.all()]
    _username, *scales, recommend, session, change, suggestion = row
    values = [*scales, recommend, SESSIONS[session], change, suggestion]
    role = EnrolmentRole.PARTICIPANT
    if user.username == "facilitator":
        role = EnrolmentRole.FACILITATOR
    page.record_answer(user, {ROLE_FIELD: role, **dict(zip(names, values, strict=True))})


# What the crowd writes, in turn.
CROWD_CHANGES = [
    "Start a weekly case review with our lay counsellors.",
    "Use the fidelity checklist in every supervision session.",
    "Ask our manager for protected supervision time.",
    "Screen every new patient with the PHQ-9 for a month.",
    "Share our first month's data at the team meeting.",
]
CROWD_SUGGESTIONS = ["", "More group work.", "Shorter days.", "", "Send the slides before."]


def crowd_row(number):
    """A plausible answer for participant n: mostly agree, a few neutral or unsure."""
    agree = [5, 4, 4, 3, 5, 4, 2, 4]
    return (
        *(agree[(number + question) % len(agree)] for question in range(4)),
        [9, 8, 10, 7, 9, 6][number % 6],
        number % len(SESSIONS),
        CROWD_CHANGES[number % len(CROWD_CHANGES)],
        CROWD_SUGGESTIONS[number % len(CROWD_SUGGESTIONS)],
    )


def anonymous_answers(page, numbered_users):
    """Plausible anonymous answers for these (number, user) pairs, with their respondent
    rows, each with a random id and the day only, as `record_answer` stores them one by
    one; for `bulk_create` (here and in bench/lists.py)."""
    names = [field.clean_name for field in page.form_fields.all()]
    day = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    respondents, answers, taken = [], [], set()
    for number, user in numbered_users:
        *scales, recommend, session, change, suggestion = crowd_row(number)
        values = [*scales, recommend, SESSIONS[session], change, suggestion]
        pk = random_anonymous_pk(EvaluationAnswer, taken)
        taken.add(pk)
        respondents.append(EvaluationRespondent(page=page, user=user))
        answers.append(
            EvaluationAnswer(
                pk=pk,
                page=page,
                form_data=dict(zip(names, values, strict=True)),
                role=EnrolmentRole.PARTICIPANT,
                submit_time=day,
            )
        )
    return respondents, answers


def answer_crowd(page, scale, answered):
    """Three in five of the crowd answer."""
    respondents, answers = anonymous_answers(
        page,
        [
            (number, user)
            for number, user in enumerate(crowd.users(scale))
            if number % 5 < 3 and user.pk not in answered
        ],
    )
    EvaluationRespondent.objects.bulk_create(respondents, batch_size=500)
    EvaluationAnswer.objects.bulk_create(answers, batch_size=500)


def load(scale, stdout):
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if course is None:
        return
    first = WorkshopPage.objects.child_of(course).get(slug="workshop-1-amman")
    page = create_evaluation(first)
    usernames = [row[0] for row in ANSWERS]
    by_username = {
        user.username: user for user in get_user_model().objects.filter(username__in=usernames)
    }
    answered = set(EvaluationRespondent.objects.filter(page=page).values_list("user", flat=True))
    for row in ANSWERS:
        user = by_username[row[0]]
        if user.pk not in answered:
            answer(page, user, row)
    answer_crowd(page, scale, answered)
    stdout.write(
        f"Evaluations: {page.url} ({EvaluationAnswer.objects.filter(page=page).count()} answers)"
    )
