"""A published announcement also appears in the forums notification centre of each
recipient with an account, once, in their language, and only while they are still in
its audience (a course's members lose it when they withdraw)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from announcements.choices import Audience
from courses import access
from forums.models import Notification
from tests.announcements.conftest import draft, publish
from tests.courses.factories import enrol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def to_members(index, course):
    return draft(index, audience=Audience.COURSE_MEMBERS, course=course, title="Session news")


def centre(client, user, prefix=""):
    client.force_login(user)
    response = client.get(f"{prefix}/notifications/")
    assert response.status_code == 200
    return response.content.decode()


def test_members_see_it_once_with_the_header_count_and_mark_it_read(
    client, to_members, participant, withdrawn
):
    page = publish(to_members)
    publish(page)  # published again: no second notification
    assert Notification.objects.filter(user=participant, kind="announcement").count() == 1
    assert not Notification.objects.filter(user=withdrawn).exists()
    html = centre(client, participant)
    assert "New announcement: <bdi>Session news</bdi>" in html
    assert f'href="{page.url}"' in html
    assert "(1 unread)" in html
    note = Notification.objects.get(user=participant)
    client.post(f"/notifications/{note.pk}/read/")
    note.refresh_from_db()
    assert note.read_at is not None
    assert "unread)" not in centre(client, participant)


def test_one_notification_per_page_and_person_in_the_database(to_members, participant):
    page = publish(to_members)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(user=participant, kind="announcement", page=page)


def test_under_ar_it_links_to_the_arabic_version_with_its_title(client, to_members, participant):
    arabic = to_members.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.title = "أخبار الجلسة"
    arabic.save_revision().publish()
    publish(to_members)
    html = centre(client, participant, "/ar")
    assert "<bdi>أخبار الجلسة</bdi>" in html
    assert "/ar/announcements/" in html
    assert "Session news" not in html


def test_a_member_who_withdrew_no_longer_sees_or_counts_it(client, to_members, participant, course):
    publish(to_members)
    access.withdraw(participant, course)
    for prefix in ("", "/ar", "/fa", "/ur"):
        html = centre(client, participant, prefix)
        assert "<bdi>Session news</bdi>" not in html
        assert "unread)" not in html


def test_an_unpublished_announcement_drops_out_of_sight(client, to_members, participant):
    page = publish(to_members)
    page.unpublish()
    assert "Session news" not in centre(client, participant)


def test_the_centre_costs_the_same_with_few_or_many_notifications_of_both_kinds(
    client, index, course, participant, forum_topic_notifications
):
    def queries():
        client.force_login(participant)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/notifications/")
        assert response.status_code == 200
        return len(captured), response.content.decode().count('class="notification ')

    def announce(count, start):
        for number in range(start, start + count):
            publish(draft(index, f"news-{number}", Audience.COURSE_MEMBERS, course=course))

    announce(1, 0)
    forum_topic_notifications(participant, 1)
    queries()  # the first visit fills the site's caches
    few, shown = queries()
    assert shown == 2
    announce(5, 1)
    forum_topic_notifications(participant, 20)
    queries()  # publishing starts a new generation: the first visit fills it again
    many, shown = queries()
    assert shown == 27
    assert many == few


@pytest.fixture
def forum_topic_notifications(course):
    """Reply notifications in the course's forum, which its members may read."""
    from courses.course_forums import ensure_course_forum
    from tests.forums.factories import make_topic

    forum = ensure_course_forum(course)
    author = UserFactory(username="author1")
    enrol(author, course)
    topic = make_topic(forum, author, title="Week one homework")

    def make(user, count):
        Notification.objects.bulk_create(
            Notification(user=user, kind="reply", topic=topic, actor=author) for _ in range(count)
        )

    return make
