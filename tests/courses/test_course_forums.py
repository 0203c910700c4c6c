"""A course's forum belongs to the course: created on first publish, open to its members
only, moderated by its facilitators (answered through the forums' hooks)."""

import pytest

from courses.course_forums import ensure_course_forum
from forums.choices import Scope
from forums.models import Forum, Topic
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory


@pytest.fixture
def forum(course):
    return ensure_course_forum(course)


def test_publishing_a_course_creates_its_forum_once(course):
    course.save_revision().publish()
    course.save_revision().publish()
    forum = Forum.objects.get(page=course)
    assert forum.scope == Scope.PAGE
    assert forum.name == course.title


def test_second_course_with_the_same_slug_gets_its_own_forum(course, course_index, home_page):
    Forum.objects.create(name="Other", slug=course.slug, scope=Scope.PUBLIC)
    forum = ensure_course_forum(course)
    assert forum.slug == f"{course.slug}-2"


def test_participants_read_and_post(client, forum, participant):
    client.force_login(participant)
    assert client.get(f"/forums/{forum.slug}/").status_code == 200
    response = client.post(
        f"/forums/{forum.slug}/new/",
        {"title": "Protecting supervision time", "body": "Our clinic *finally* blocks Fridays."},
    )
    assert response.status_code == 303
    assert Topic.objects.get(forum=forum).title == "Protecting supervision time"


@pytest.mark.parametrize("who", ["stranger", "withdrawn"])
def test_non_members_cannot_see_the_course_forum(client, forum, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/forums/{forum.slug}/").status_code == 404
    assert client.post(f"/forums/{forum.slug}/new/", {"title": "x", "body": "y"}).status_code in {
        403,
        404,
    }
    assert not Topic.objects.exists()
    assert forum.name not in client.get("/forums/").content.decode()


def test_facilitators_moderate_only_their_own_course_forum(
    client, forum, facilitator, course_index
):
    other_course = make_course(course_index, slug="other-course")
    other_forum = ensure_course_forum(other_course)
    topic_author = UserFactory(username="author1")
    enrol(topic_author, other_course)
    client.force_login(topic_author)
    client.post(f"/forums/{other_forum.slug}/new/", {"title": "Elsewhere", "body": "Hello"})
    topic = Topic.objects.get(forum=other_forum)

    client.force_login(facilitator)
    assert client.get(f"/forums/{other_forum.slug}/").status_code == 404
    response = client.post(f"/forums/{other_forum.slug}/{topic.pk}-{topic.slug}/lock/")
    assert response.status_code in {403, 404}
    topic.refresh_from_db()
    assert not topic.locked

    own_author = UserFactory(username="author2")
    enrol(own_author, forum.page.specific)
    client.force_login(own_author)
    client.post(f"/forums/{forum.slug}/new/", {"title": "Ours", "body": "Hello"})
    own = Topic.objects.get(forum=forum)
    client.force_login(facilitator)
    assert client.post(f"/forums/{forum.slug}/{own.pk}-{own.slug}/lock/").status_code == 302
    own.refresh_from_db()
    assert own.locked


def test_course_page_links_members_to_its_forum(client, course, forum, participant, stranger):
    client.force_login(participant)
    assert f'href="/forums/{forum.slug}/"' in client.get(course.url).content.decode()
    client.force_login(stranger)
    assert f'href="/forums/{forum.slug}/"' not in client.get(course.url).content.decode()


def test_facilitators_posts_carry_a_facilitator_badge(client, forum, facilitator, participant):
    from forums import posting

    topic, _created = posting.start_topic(forum, facilitator, "Welcome", "Hello all")
    posting.reply(topic, participant, "Hello from Rawalpindi")
    client.force_login(participant)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert page.count('<span class="badge badge--role">Facilitator</span>') == 1


def test_guest_speakers_posts_carry_a_guest_speaker_badge(client, course, forum, participant):
    from courses.choices import EnrolmentRole
    from forums import posting

    guest = UserFactory(username="guest1", display_name="Dr Laila Guest")
    enrol(guest, course, role=EnrolmentRole.GUEST_SPEAKER)
    topic, _created = posting.start_topic(forum, guest, "Ask me about task sharing", "Hello")
    posting.reply(topic, participant, "Thank you for coming")
    client.force_login(participant)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert page.count('<span class="badge badge--role">Guest speaker</span>') == 1
    assert "badge--role" not in page.split("Thank you for coming")[0].split("post-")[-1]


def test_unread_posts_in_a_course_forum_count_from_the_enrolment(client, course, forum):
    from datetime import timedelta

    from django.utils import timezone

    from forums import posting

    now = timezone.now()
    veteran = UserFactory(date_joined=now - timedelta(days=400))
    author = UserFactory()
    enrol(author, course)
    topic, _created = posting.start_topic(
        forum, author, "Last cohort's tips", "Tip one", now=now - timedelta(days=30)
    )
    enrol(veteran, course)
    client.force_login(veteran)
    assert "You are up to date with the forums." in client.get("/dashboard/").content.decode()
    posting.reply(topic, author, "A tip for the new cohort")
    assert "1 unread post in" in client.get("/dashboard/").content.decode()
