"""Participants write in Arabic, Farsi, Urdu and English, often mixed: user text gets
dir="auto" (or <bdi>) so each post, title and name reads in its own direction."""

from forums import posting
from forums.models import Topic
from tests.factories import UserFactory
from tests.forums.factories import make_topic


def test_posts_titles_and_names_read_in_their_own_direction(client, open_forum):
    author = UserFactory(username="salma", display_name="سلمى حداد")
    make_topic(
        open_forum, author, title="تكييف دليل حل المشكلات", body="جربنا **الإشراف** الأسبوعي"
    )
    topic = Topic.objects.get()
    page = client.get(topic.get_absolute_url()).content.decode()
    assert '<h1 dir="auto">تكييف دليل حل المشكلات</h1>' in page
    assert 'class="post__author" dir="auto">سلمى حداد</span>' in page
    assert '<div class="post__body prose" dir="auto"><p>جربنا <strong>الإشراف</strong>' in page
    listing = client.get(open_forum.get_absolute_url()).content.decode()
    assert 'dir="auto">تكييف دليل حل المشكلات</a>' in listing
    assert "<bdi>سلمى حداد</bdi>" in listing


def test_dashboard_isolates_the_forum_name_from_the_arabic_count(client, open_forum, user, member):
    """ "(Barriers and solutions: 6 جديدة)": without isolation the English name and the
    digits after it form one left-to-right run and the line comes out scrambled."""
    topic = make_topic(open_forum, user, title="Supervision rota")
    client.force_login(member)
    client.get(topic.get_absolute_url())
    posting.reply(topic, user, "News")
    page = client.get("/ar/dashboard/").content.decode()
    assert '<html lang="ar" dir="rtl"' in page
    # Untranslated: the English name, isolated and marked English.
    assert '(<bdi lang="en" dir="ltr">Barriers and solutions</bdi>: ' in page
    assert "<bdi>Supervision rota</bdi>" in page
