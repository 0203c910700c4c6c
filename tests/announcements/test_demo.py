"""The demo has two published announcements, one to the demo course's members, and four
confirmed subscribers who got the other, the demo learner among them, who finds both in
their notifications; loading twice changes nothing."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from announcements.choices import Audience
from announcements.models import AnnouncementPage, Delivery, Subscriber
from forums.models import Notification
from reminders.sending import run


def test_demo_announcements(client, db):
    call_command("load_demo", force=True)
    announcements = AnnouncementPage.objects.live()
    assert announcements.count() == 2
    to_course = announcements.get(audience=Audience.COURSE_MEMBERS)
    assert to_course.course.slug == "scaling-up-community-mental-health-care"
    assert Subscriber.objects.count() == 4
    listing = client.get("/announcements/").content.decode()
    assert all(page.title in listing for page in announcements)
    assert to_course.title in client.get("/").content.decode()
    counts = (
        AnnouncementPage.objects.count(),
        Subscriber.objects.count(),
        Delivery.objects.count(),
        Notification.objects.filter(kind="announcement").count(),
    )
    learner = get_user_model().objects.get(username="learner")
    client.force_login(learner)
    centre = client.get("/notifications/").content.decode()
    assert all(f"<bdi>{page.title}</bdi>" in centre for page in announcements)
    client.logout()
    call_command("load_demo", force=True)
    assert counts == (
        AnnouncementPage.objects.count(),
        Subscriber.objects.count(),
        Delivery.objects.count(),
        Notification.objects.filter(kind="announcement").count(),
    )
    # Their emails went out when they were published: a run sends them to nobody again.
    addresses = set(Delivery.objects.filter(sent_at__isnull=False).values_list("email", flat=True))
    assert set(Subscriber.objects.values_list("email", flat=True)) <= addresses
    assert "learner@example.org" in addresses
    assert not Delivery.objects.filter(sent_at=None).exists()
    mail.outbox.clear()
    run()
    assert not any(message.subject in {p.title for p in announcements} for message in mail.outbox)
