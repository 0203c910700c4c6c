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
