"""Publishing an announcement emails each person of its audience once, in their language."""

from datetime import timedelta

import pytest
from django.core import mail
from wagtail.models import Locale

from announcements.choices import Audience
from announcements.models import Delivery, OptOut, Subscriber
from applications.models import Application
from reminders.sending import run
from teams.models import Team, TeamMember
from tests.announcements.conftest import draft, publish
from tests.core.backends import FlakyBackend
from tests.factories import UserFactory

FLAKY = "tests.core.backends.FlakyBackend"

pytestmark = pytest.mark.django_db


def test_subscribers_get_it_once_however_often_it_is_published_or_sent(index):
    Subscriber.objects.create(email="a@example.org")
    Subscriber.objects.create(email="b@example.org")
    page = publish(draft(index))
    publish(page)
    run()
    run()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject == "News news"
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 2


def test_delivery_is_unique_per_announcement_and_address_in_the_database(index):
    from django.db import IntegrityError, transaction

    page = publish(draft(index))
    Delivery.objects.create(announcement=page, email="x@example.org", language="en")
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(announcement=page, email="X@example.org", language="en")


def test_a_draft_sends_nothing(index):
    Subscriber.objects.create(email="a@example.org")
    draft(index).save_revision()
    run()
    assert mail.outbox == []


def test_course_members_get_it_withdrawn_members_do_not(
    index, course, participant, facilitator, withdrawn
):
    publish(draft(index, audience=Audience.COURSE_MEMBERS, course=course))
    run()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([participant.email, facilitator.email])


def test_course_members_need_a_course(index):
    from django.core.exceptions import ValidationError

    page = draft(index, audience=Audience.COURSE_MEMBERS)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_team_leaders_only(index, course):
    team = Team.objects.create(course=course, slug="t", name="T", organisation="O", country="Egypt")
    leader, clinician = UserFactory(username="leader"), UserFactory(username="clin")
    TeamMember.objects.create(team=team, user=leader, is_senior_leader=True)
    TeamMember.objects.create(team=team, user=clinician, is_clinician=True)
    TeamMember.objects.create(team=team, email="invited@example.org", is_senior_leader=True)
    publish(draft(index, audience=Audience.TEAM_LEADERS))
    run()
    assert sorted(m.to[0] for m in mail.outbox) == ["invited@example.org", leader.email]


def test_contacts_of_organisations_that_applied(index, course):
    applicant = UserFactory(username="applicant")
    Application.objects.create(
        course=course,
        applicant=applicant,
        organisation="Mayo Hospital",
        country="Pakistan",
        practice="Task sharing",
        ready_to_adopt=True,
        readiness_explanation="Ready.",
        will_submit_metrics=True,
        can_attend_all_sessions=True,
    )
    publish(draft(index, audience=Audience.APPLICANTS, course=course))
    run()
    assert [m.to[0] for m in mail.outbox] == [applicant.email]


def test_each_reader_gets_the_version_in_their_language_else_english(index, course):
    arabic_reader = UserFactory(username="ar1", preferred_language="ar")
    farsi_reader = UserFactory(username="fa1", preferred_language="fa")
    from tests.courses.factories import enrol

    enrol(arabic_reader, course)
    enrol(farsi_reader, course)
    page = draft(index, audience=Audience.COURSE_MEMBERS, course=course, title="Session news")
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.title = "أخبار الجلسة"
    arabic.save_revision().publish()
    publish(page)
    run()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[arabic_reader.email].subject == "أخبار الجلسة"
    assert "/ar/announcements/" in by_address[arabic_reader.email].body
    assert by_address[farsi_reader.email].subject == "Session news"
    assert "/fa/announcements/unsubscribe/" in by_address[farsi_reader.email].body


def test_publishing_the_translation_lists_nobody(index):
    Subscriber.objects.create(email="a@example.org")
    page = draft(index)
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.save_revision().publish()
    assert not Delivery.objects.exists()


def test_every_email_has_one_click_unsubscribe_that_works(client, index):
    Subscriber.objects.create(email="a@example.org")
    publish(draft(index))
    run()
    message = mail.outbox[0]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    path = url.removeprefix("http://testserver")
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert OptOut.objects.filter(email="a@example.org").exists()


def test_an_address_that_unsubscribed_gets_no_announcement_of_any_audience(
    index, course, participant
):
    OptOut.objects.create(email=participant.email)
    publish(draft(index, audience=Audience.COURSE_MEMBERS, course=course))
    run()
    assert mail.outbox == []


def test_unsubscribing_after_being_listed_skips_the_email(index):
    Subscriber.objects.create(email="a@example.org")
    publish(draft(index))
    OptOut.objects.create(email="a@example.org")
    run()
    assert mail.outbox == []


def test_a_mail_outage_leaves_the_email_queued_once(index, settings):
    """The outbox retries the email until the server is back; the next run does not
    queue it again."""
    Subscriber.objects.create(email="a@example.org")
    publish(draft(index))
    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.failures_left = 1
    assert run().sent == 1
    assert [m.to[0] for m in mail.outbox] == ["a@example.org"]
    assert FlakyBackend.failures_left == 0  # the first try failed: this was the retry
    assert run().sent == 0
    assert len(mail.outbox) == 1


def test_a_delivery_claimed_by_another_run_is_left_to_it(index):
    from django.utils import timezone

    Subscriber.objects.create(email="a@example.org")
    publish(draft(index))
    Delivery.objects.update(claim="other-run", claimed_at=timezone.now())
    run()
    assert mail.outbox == []
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(hours=2))  # that run died
    run()
    assert [m.to[0] for m in mail.outbox] == ["a@example.org"]


def test_publishing_again_writes_only_to_newcomers(index):
    Subscriber.objects.create(email="a@example.org")
    page = publish(draft(index))
    run()
    Subscriber.objects.create(email="b@example.org")
    publish(page)
    run()
    assert [m.to[0] for m in mail.outbox] == ["a@example.org", "b@example.org"]


def test_an_unpublished_announcement_is_not_sent(index):
    Subscriber.objects.create(email="a@example.org")
    page = publish(draft(index))
    page.unpublish()
    run()
    assert mail.outbox == []
