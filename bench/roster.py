"""The roster at the size issue 17 asks of it: 5,000 listed clinicians, each certified
in the demo course and working in two languages, in the bench database only (rebuilt
each run); made once however often PAGES is iterated."""

from django.contrib.auth import get_user_model

from courses.choices import EnrolmentStatus
from courses.demo import COURSE_SLUG
from courses.models import Certificate, CoursePage, Enrolment
from roster.models import RosterEntry, RosterLanguage

ENTRIES = 5000
COUNTRIES = ["Pakistan", "Egypt", "Iran", "Jordan", "United Kingdom"]
LANGUAGES = [("ur", "en"), ("ar", "en"), ("fa", "en"), ("ar", "fr"), ("en", "cy")]


def ensure_size():
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return []
    have = RosterEntry.objects.count()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-clinician-{n}", email=f"bench-{n}@example.org",
                         display_name=f"Clinician {n:04}")
        for n in range(have, ENTRIES)
    )  # fmt: skip
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(user=user, course=course, status=EnrolmentStatus.COMPLETED) for user in users
    )
    Certificate.objects.bulk_create(Certificate(enrolment=e) for e in enrolments)
    entries = RosterEntry.objects.bulk_create(
        RosterEntry(user=user, name=user.display_name, city="Bench city",
                    country=COUNTRIES[n % len(COUNTRIES)])
        for n, user in enumerate(users)
    )  # fmt: skip
    RosterLanguage.objects.bulk_create(
        RosterLanguage(entry=entry, language=code)
        for n, entry in enumerate(entries)
        for code in LANGUAGES[n % len(LANGUAGES)]
    )
    return [
        (f"roster ({ENTRIES} entries)", "/roster/"),
        ("roster: country + language, page 3", "/roster/?country=Egypt&language=ar&page=3"),
    ]
