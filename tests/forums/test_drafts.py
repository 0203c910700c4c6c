"""Drafts: an unsent reply or topic is kept on the server per person and topic, offered
again on return (on any device), and gone once posted."""

import pytest
from django.test import Client
from django.utils import translation

from forums.forms import BODY_MAX
from forums.models import Draft, Topic


def url(topic, tail=""):
    with translation.override("en"):
        return topic.get_absolute_url() + tail


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_reply_draft_survives_a_new_browser_and_goes_once_posted(topic, member, prefix):
    laptop = Client()
    laptop.force_login(member)
    response = laptop.post(
        prefix + url(topic, "reply/"), {"body": "Half a thought about rotas", "save_draft": "1"}
    )
    assert response.status_code == 302
    assert topic.posts.count() == 1  # nothing posted
    phone = Client()
    phone.force_login(member)
    assert "Half a thought about rotas" in phone.get(prefix + url(topic)).content.decode()
    assert "data-forum-draft" in phone.get(prefix + url(topic)).content.decode()
    phone.post(prefix + url(topic, "reply/"), {"body": "The whole thought about rotas"})
    assert not Draft.objects.exists()
    assert "Half a thought" not in phone.get(url(topic)).content.decode()


def test_drafts_are_per_person_and_the_script_gets_204(client, topic, member, user):
    client.force_login(member)
    response = client.post(
        url(topic, "reply/"), {"body": "Mine", "save_draft": "1"}, headers={"X-Forum-Draft": "1"}
    )
    assert response.status_code == 204
    client.post(url(topic, "reply/"), {"body": "Mine, longer", "save_draft": "1"})
    assert Draft.objects.get().body == "Mine, longer"  # one draft per person and topic
    client.force_login(user)
    assert "Mine, longer" not in client.get(url(topic)).content.decode()


def test_new_topic_draft_keeps_the_title(client, open_forum, member):
    client.force_login(member)
    client.post(
        "/forums/barriers/new/", {"title": "Rota ideas", "body": "So far", "save_draft": "1"}
    )
    assert not Topic.objects.exists()
    page = client.get("/forums/barriers/new/").content.decode()
    assert 'value="Rota ideas"' in page and "So far" in page
    client.post("/forums/barriers/new/", {"title": "Rota ideas", "body": "Done"})
    assert not Draft.objects.exists()


def test_too_long_draft_and_no_posting_rights_are_refused(
    client, course_rules, forum_a, topic, member, outsider
):
    client.force_login(member)
    too_long = {"body": "x" * (BODY_MAX + 1), "save_draft": "1"}
    assert client.post(url(topic, "reply/"), too_long).status_code == 400
    client.force_login(outsider)
    draft = {"title": "t", "body": "b", "save_draft": "1"}
    assert client.post("/ar/forums/course-a/new/", draft).status_code == 404
    assert not Draft.objects.exists()
