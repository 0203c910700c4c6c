"""Demo calls: two informational calls for the course that takes applications now
(one held, with its attendance, recording and questions and answers; one to come, full,
with a waiting list) and the demo collaborative's monthly consultation series (second
Tuesday, 14:00 Amman time, one date cancelled) with case-presentation offers pending,
approved and declined, and attendance at the dates already held.

Rows are created only when missing, with dates fixed when first created, so a second
run changes nothing. `scale` adds that many more held calls, each with its attendance.
"""

from datetime import UTC, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from applications.demo import SLUG as APPLICATION_COURSE_SLUG
from calls.choices import Frequency, OfferStatus, RegistrationStatus, Weekday
from calls.models import (
    CallRegistration,
    CaseOffer,
    ConsultationAttendance,
    ConsultationCancellation,
    ConsultationSeries,
    InformationalCall,
)
from calls.recurrence import occurrences
from courses.demo import COURSE_SLUG
from courses.models import CoursePage

HELD_QA = "\n\n".join(
    [
        "Q: Can a district health office apply, or only a single clinic?\nA: Either. What "
        "matters is a core team that can meet monthly: a senior leader, a supervisor and "
        "at least one clinician.",
        "Q: Our lady health workers have no email. How do they take part?\nA: The "
        "supervisor enters the monthly data for the team; health workers join the "
        "sessions by phone or from the clinic's computer.",
        "Q: Is there a fee?\nA: No. Teams give their time: three learning sessions, the "
        "monthly calls, and about two hours a month of data work.",
    ]
)

HELD_CALL = "Informational call: what the collaborative asks of a team"
NEXT_CALL = "Informational call: the application, step by step"
SERIES = "Monthly consultation call"

# username, registered (False: waiting list), attended the held call
HELD_REGISTRATIONS = [
    ("learner", True),
    ("nour.elsayed", True),
    ("lina.alkhatib", True),
    ("reza.ahmadi", False),
    ("sarah.thompson", True),
]
NEXT_REGISTRATIONS = [
    ("mohamed.fathy", RegistrationStatus.REGISTERED),
    ("omar.nasser", RegistrationStatus.REGISTERED),
    ("maryam.hosseini", RegistrationStatus.REGISTERED),
    ("gareth.evans", RegistrationStatus.REGISTERED),
    ("learner", RegistrationStatus.WAITING),
    ("keisha.johnson", RegistrationStatus.WAITING),
]
# username, status, title, summary
OFFERS = [
    (
        "learner",
        OfferStatus.PENDING,
        "A mother who stopped coming after the third home visit",
        "A health worker's client engaged well for three sessions, then was never home. "
        "The family says she is visiting relatives. How do we keep the door open?",
    ),
    (
        "nour.elsayed",
        OfferStatus.APPROVED,
        "Problem Management Plus with an interpreter in the room",
        "Working through an interpreter doubled session length. What have other teams "
        "changed to keep sessions to 90 minutes?",
    ),
    (
        "maryam.hosseini",
        OfferStatus.DECLINED,
        "Screening scores that rise after the first session",
        "Several PHQ-9 scores went up after session one. Is this disclosure rather than "
        "deterioration?",
    ),
]


def amman_2pm(day):
    return datetime.combine(day, time(11), tzinfo=UTC)  # 14:00 in Amman (UTC+3)


def make_call(course, title, day, capacity, **fields):
    call, _created = InformationalCall.objects.get_or_create(
        course=course,
        title=title,
        defaults={
            "starts_at": amman_2pm(day),
            "ends_at": amman_2pm(day) + timedelta(hours=1),
            "join_url": "https://meet.example.org/perinatal-info",
            "capacity": capacity,
            **fields,
        },
    )
    return call


def register(call, user, **fields):
    CallRegistration.objects.get_or_create(call=call, user=user, defaults=fields)


def load_calls(course, users, scale):
    today = timezone.localdate()
    held = make_call(
        course,
        HELD_CALL,
        today - timedelta(days=12),
        30,
        recording_url="https://video.example.org/perinatal-info-call-1",
        questions_and_answers=HELD_QA,
    )
    for username, attended in HELD_REGISTRATIONS:
        if username in users:
            register(held, users[username], attended=attended)
    upcoming = make_call(course, NEXT_CALL, today + timedelta(days=9), 4)
    for username, status in NEXT_REGISTRATIONS:
        if username in users:
            register(upcoming, users[username], status=status)
    for number in range(2, scale + 1):  # more held calls for performance work
        extra = make_call(
            course, f"{HELD_CALL} ({number})", today - timedelta(days=12 + number), 30
        )
        for user in users.values():
            register(extra, user, attended=True)
    return held, upcoming


def load_series(course, users):
    starts_on = timezone.localdate() - timedelta(days=100)  # three dates held, six to come
    series, created = ConsultationSeries.objects.get_or_create(
        course=course,
        title=SERIES,
        defaults={
            "frequency": Frequency.MONTHLY,
            "weekday": Weekday.TUESDAY,
            "ordinal": 2,
            "start_time": time(14),
            "time_zone": "Asia/Amman",
            "starts_on": starts_on,
            "count": 9,
            "join_url": "https://meet.example.org/monthly-consultation",
        },
    )
    dates = occurrences(series)
    if created and len(dates) > 2:
        ConsultationCancellation.objects.create(series=series, date=dates[2][0].date())
    now = timezone.now()
    held = [start.date() for start, end, off in dates if end < now and not off]
    coming = [start.date() for start, _end, off in dates if start > now and not off]
    for day in held:
        for user in users.values():
            ConsultationAttendance.objects.get_or_create(series=series, date=day, user=user)
    facilitator = get_user_model().objects.filter(username="facilitator").first()
    if coming:
        for username, status, title, summary in OFFERS:
            if username not in users:
                continue
            decided = status != OfferStatus.PENDING
            CaseOffer.objects.get_or_create(
                series=series,
                date=coming[0],
                user=users[username],
                defaults={
                    "title": title,
                    "summary": summary,
                    "no_health_information": True,
                    "status": status,
                    "decided_by": facilitator if decided else None,
                    "decided_at": now if decided else None,
                },
            )
    return series


def load(scale, stdout):
    usernames = {name for name, _x in HELD_REGISTRATIONS + NEXT_REGISTRATIONS}
    usernames |= {name for name, *_rest in OFFERS}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    applying = CoursePage.objects.filter(slug=APPLICATION_COURSE_SLUG).first()
    if applying:
        load_calls(applying, users, scale)
        stdout.write(f"Calls: two informational calls at {applying.url}calls/")
    collaborative = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if collaborative:
        series = load_series(collaborative, users)
        stdout.write(
            f"Calls: {series.title} at {collaborative.url}consultations/{series.pk}/ "
            f"(hours report: {collaborative.url}hours/)"
        )
