from forums import posting
from tests.forums.factories import make_topic


def test_dashboard_shows_unread_posts_in_visible_forums(
    client, open_forum, course_rules, forum_a, user, member
):
    topic = make_topic(open_forum, user, title="Supervision rota")
    make_topic(forum_a, user, title="Course secret")
    client.force_login(member)
    client.get(topic.get_absolute_url())
    assert "up to date" in client.get("/dashboard/").content.decode()
    posting.reply(topic, user, "News")
    page = client.get("/dashboard/").content.decode()
    assert "Supervision rota" in page and "1 unread post" in page
    assert "Course secret" not in page


def test_a_newcomer_has_no_unread_history_only_posts_since_joining(client, open_forum, user):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import UserFactory

    long_ago = timezone.now() - timedelta(days=30)
    topic = make_topic(open_forum, user, title="Supervision rota")
    for n in range(10):
        posting.reply(topic, user, f"Old news {n}", now=long_ago + timedelta(hours=n))
    newcomer = UserFactory()
    client.force_login(newcomer)
    assert "You are up to date with the forums." in client.get("/dashboard/").content.decode()
    assert " new</a>" not in client.get(open_forum.get_absolute_url()).content.decode()
    posting.reply(topic, user, "Welcome to the newcomers")
    assert "1 unread post in" in client.get("/dashboard/").content.decode()
    assert "1 new</a>" in client.get(open_forum.get_absolute_url()).content.decode()
