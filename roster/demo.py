"""The demo roster: nine participants of the demo collaborative from five countries who
completed it, hold its certificate and chose to be listed. Created only when missing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.choices import EnrolmentStatus
from courses.models import Certificate, CoursePage, Enrolment
from roster.models import RosterEntry, RosterLanguage

COURSE_SLUG = "scaling-up-community-mental-health-care"
# username, city, languages
ENTRIES = [
    ("ayesha.siddiqui", "Lahore", ["ur", "pa", "en"]),
    ("imran.raza", "Karachi", ["ur", "sd", "en"]),
    ("nour.elsayed", "Cairo", ["ar", "en"]),
    ("mohamed.fathy", "Alexandria", ["ar", "en", "fr"]),
    ("maryam.hosseini", "Tehran", ["fa", "en"]),
    ("reza.ahmadi", "Mashhad", ["fa", "prs"]),
    ("lina.alkhatib", "Amman", ["ar", "en"]),
    ("sarah.thompson", "Manchester", ["en"]),
    ("gareth.evans", "Cardiff", ["en", "cy"]),
]


def certify(user, course):
    """A completed enrolment with its certificate, as the completion rule leaves them."""
    enrolment, _created = Enrolment.objects.get_or_create(user=user, course=course)
    if enrolment.status != EnrolmentStatus.COMPLETED:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=EnrolmentStatus.COMPLETED, completed_at=timezone.now()
        )
    Certificate.objects.get_or_create(enrolment=enrolment)


def load(scale, stdout):
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    users = get_user_model().objects.in_bulk([row[0] for row in ENTRIES], field_name="username")
    if course is None or not users:
        return
    for username, city, languages in ENTRIES:
        user = users.get(username)
        if user is None:
            continue
        certify(user, course)
        entry, created = RosterEntry.objects.get_or_create(
            user=user,
            defaults={
                "name": user.get_full_name(),
                "organisation": user.organisation,
                "city": city,
                "country": user.country,
            },
        )
        if created:
            RosterLanguage.objects.bulk_create(
                RosterLanguage(entry=entry, language=code) for code in languages
            )
    stdout.write(f"Roster: {len(ENTRIES)} trained clinicians at /roster/")
