"""Demo announcements: the index at /announcements/, four confirmed subscribers (one of
them the demo learner) and two published announcements, one to everyone who subscribed
and one to the members of the demo course, in the voice of the collaborative, their
emails already sent and both in the demo learner's notifications. Created only when
missing."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from announcements.choices import Audience
from announcements.models import AnnouncementIndexPage, AnnouncementPage, Subscriber
from courses.models import CoursePage

COURSE_SLUG = "scaling-up-community-mental-health-care"
SUBSCRIBERS = [
    ("dr.farah.khan@example.org", "ur"),
    ("amal.haddad@example.org", "ar"),
    ("reza.karimi@example.org", "fa"),
    # the demo learner, who subscribed too: both announcements are in their notifications
    ("learner@example.org", "en"),
]
ANNOUNCEMENTS = [
    {
        "slug": "applications-open-for-the-2027-cohort",
        "title": "Applications open for the 2027 cohort",
        "summary": "Primary-care teams can apply until 31 January for the next collaborative "
        "on task-sharing in community mental health care.",
        "body": "<p>The next learning collaborative starts in March with a three-day "
        "workshop in Amman. Each organisation applies with a core team: a senior leader, a "
        "supervisor, two or three clinicians and a data contact.</p><p>Two informational "
        "calls with the faculty take place in January; the recordings will be posted.</p>",
        "audience": Audience.SUBSCRIBERS,
    },
    {
        "slug": "workshop-2-moves-online",
        "title": "Learning session 2 moves online",
        "summary": "Because of travel restrictions, the second learning session is held "
        "online, on the same dates, in three shorter blocks a day.",
        "body": "<p>Storyboards are still due one week before the session. Teams with "
        "slow connections can ask the faculty for the slides in advance and join by "
        "telephone.</p>",
        "audience": Audience.COURSE_MEMBERS,
    },
]


def create_index(home):
    index = AnnouncementIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if index.exists():
        return index.first()
    return home.add_child(
        instance=AnnouncementIndexPage(
            title="Announcements",
            slug="announcements",
            intro="Timelines, calls for applications and changes to the sessions.",
        )
    )


def load(scale, stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = create_index(home)
    for email, language in SUBSCRIBERS:
        Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    existing = set(AnnouncementPage.objects.child_of(index).values_list("slug", flat=True))
    for fields in ANNOUNCEMENTS:
        if fields["slug"] in existing:
            continue
        page = index.add_child(instance=AnnouncementPage(**fields, course=course))
        page.save_revision().publish()
        # Published before the visitor arrived: its emails have gone out already.
        page.deliveries.update(sent_at=timezone.now(), attempts=1)
    stdout.write(
        f"Announcements: {len(ANNOUNCEMENTS)} at {index.url}, {len(SUBSCRIBERS)} subscribers"
    )
