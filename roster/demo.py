"""The demo roster: nine participants of the demo collaborative from five countries who
completed it, hold its certificate and chose to be listed. Created only when missing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.choices import EnrolmentStatus
from courses.demo import crowd
from courses.models import Certificate, CoursePage, Enrolment, ModulePage
from roster.models import RosterEntry, RosterLanguage

COURSE_SLUG = "scaling-up-community-mental-health-care"
CROWD_CITIES = {
    "Pakistan": ("Lahore", "Peshawar"),
    "Egypt": ("Giza", "Assiut"),
    "Iran": ("Tabriz", "Isfahan"),
    "Jordan": ("Zarqa", "Karak"),
    "United Kingdom": ("Leeds", "Bristol"),
}
CROWD_LANGUAGES = {
    "Pakistan": ("ur", "en"),
    "Egypt": ("ar", "en"),
    "Iran": ("fa",),
    "Jordan": ("ar", "en"),
    "United Kingdom": ("en",),
}
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


def certify_crowd(course, scale):
    """At --scale 2 and above the crowd's participants who finished every module hold a
    certificate, and two in three of them are listed, with their country's languages."""
    modules = ModulePage.objects.child_of(course).live().count()
    finished = [
        (number, user)
        for number, user in enumerate(crowd.users(scale))
        if crowd.MODULES_DONE[number % len(crowd.MODULES_DONE)] >= modules
    ]
    enrolments = Enrolment.objects.filter(course=course, user__in=[u for _n, u in finished])
    enrolments.exclude(status=EnrolmentStatus.COMPLETED).update(
        status=EnrolmentStatus.COMPLETED, completed_at=timezone.now()
    )
    Certificate.objects.bulk_create(
        [Certificate(enrolment=enrolment) for enrolment in enrolments], ignore_conflicts=True
    )
    listed = [(number, user) for number, user in finished if number % 3]
    RosterEntry.objects.bulk_create(
        [
            RosterEntry(user=user, name=user.display_name, organisation=user.organisation,
                        city=CROWD_CITIES[user.country][number % 2], country=user.country)
            for number, user in listed
        ],
        ignore_conflicts=True,
    )  # fmt: skip
    entries = {
        entry.user_id: entry
        for entry in RosterEntry.objects.filter(user__in=[user for _n, user in listed])
    }
    RosterLanguage.objects.bulk_create(
        [
            RosterLanguage(entry=entries[user.pk], language=code)
            for _number, user in listed
            for code in CROWD_LANGUAGES[user.country]
        ],
        ignore_conflicts=True,
    )


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
    certify_crowd(course, scale)
    stdout.write(f"Roster: {RosterEntry.objects.count()} trained clinicians at /roster/")
