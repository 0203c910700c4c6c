"""Questions: the asker or a facilitator marks one reply as the answer; it shows right
under the question; the forum can list unanswered questions only."""

import pytest
from django.db import IntegrityError
from django.utils import translation

from forums import posting
from forums.models import Notification, Topic
from tests.forums.factories import make_topic


def url(topic, tail=""):
    with translation.override("en"):
        return topic.get_absolute_url() + tail


def accept_url(topic, post):
    return url(topic, f"posts/{post.pk}/accept/")


@pytest.fixture
def question(course_rules, forum_a, member, facilitator_a, user):
    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    topic, _created = posting.start_topic(
        forum_a, member, "How do we protect supervision?", "Ideas?", is_question=True
    )
    posting.reply(topic, user, "Put it on the rota, signed by the manager.")
    posting.reply(topic, facilitator_a, "Move it to the first hour.")
    return topic


def test_new_topic_form_can_mark_a_question(client, open_forum, member):
    client.force_login(member)
    client.post("/forums/barriers/new/", {"title": "Rotas?", "body": "How?", "is_question": "on"})
    assert Topic.objects.get(title="Rotas?").is_question


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_asker_marks_the_answer_and_it_shows_under_the_question(
    client, question, member, user, prefix
):
    answer = question.posts.get(position=2)
    client.force_login(member)
    assert client.post(prefix + accept_url(question, answer)).status_code == 302
    question.refresh_from_db()
    assert question.answer == answer
    page = client.get(prefix + url(question)).content.decode()
    question_at = page.index("Ideas?")
    answer_block = page.index('class="forum-answer"')
    reply_at = page.index(f'id="post-{answer.position}"')
    assert question_at < answer_block < reply_at
    note = Notification.objects.get(user=user)
    assert (note.kind, note.post, note.actor) == ("answer", answer, member)


def test_facilitator_may_mark_and_change_the_answer(client, question, facilitator_a):
    second = question.posts.get(position=2)
    third = question.posts.get(position=3)
    client.force_login(facilitator_a)
    client.post(accept_url(question, second))
    client.post(accept_url(question, third))  # own reply: facilitator may choose it
    question.refresh_from_db()
    assert question.answer == third
    client.post(accept_url(question, third))  # pressing again takes it back
    question.refresh_from_db()
    assert question.answer is None


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_others_may_not_mark_the_answer(client, question, user, outsider, prefix):
    answer = question.posts.get(position=2)
    client.force_login(user)  # a participant, not the asker
    assert client.post(prefix + accept_url(question, answer)).status_code == 403
    assert client.post(prefix + url(question, "question/"), {"question": "0"}).status_code == 403
    client.force_login(outsider)
    assert client.post(prefix + accept_url(question, answer)).status_code == 404
    question.refresh_from_db()
    assert question.answer is None and question.is_question
    assert "Mark as the answer" not in client.get(url(question)).content.decode()


def test_bad_answers_are_refused(client, question, member, open_forum):
    client.force_login(member)
    opening = question.posts.get(position=1)
    assert client.post(accept_url(question, opening)).status_code == 400
    reply = question.posts.get(position=2)
    posting.set_post_flags(reply, hidden=True)
    assert client.post(accept_url(question, reply)).status_code == 404
    plain = make_topic(open_forum, member, title="Not a question", replies=1)
    assert client.post(accept_url(plain, plain.posts.get(position=2))).status_code == 400
    question.refresh_from_db()
    plain.refresh_from_db()
    assert question.answer is None and plain.answer is None


def test_a_topic_that_is_no_question_cannot_keep_an_answer(question, member):
    posting.accept_answer(question, question.posts.get(position=2), by=member)
    posting.set_question(question, False)
    question.refresh_from_db()
    assert question.answer is None
    with pytest.raises(IntegrityError):
        Topic.objects.filter(pk=question.pk).update(answer=question.posts.get(position=2))


def test_forum_lists_unanswered_questions_only(client, question, forum_a, member, facilitator_a):
    answered, _created = posting.start_topic(
        forum_a, member, "Which manual edition?", "Which?", is_question=True
    )
    reply, _created = posting.reply(answered, facilitator_a, "The 2024 one.")
    posting.accept_answer(answered, reply, by=member)
    make_topic(forum_a, member, title="Our rota template")
    client.force_login(member)
    page = client.get(f"{forum_a.get_absolute_url()}?show=unanswered").content.decode()
    assert "How do we protect supervision?" in page
    assert "Which manual edition?" not in page
    assert "Our rota template" not in page
    posting.set_post_flags(reply, hidden=True)  # a hidden answer answers nothing
    page = client.get(f"{forum_a.get_absolute_url()}?show=unanswered").content.decode()
    assert "Which manual edition?" in page


def test_a_hidden_answer_shows_no_answered_badge_or_block(client, question, forum_a, member):
    reply = question.posts.get(position=2)
    posting.accept_answer(question, reply, by=member)
    client.force_login(member)
    listing = client.get(forum_a.get_absolute_url()).content.decode()
    assert '<span class="badge badge--ok">Answered</span>' in listing
    posting.set_post_flags(reply, hidden=True)
    listing = client.get(forum_a.get_absolute_url()).content.decode()
    assert '<span class="badge badge--ok">Answered</span>' not in listing
    assert '<span class="badge">Question</span>' in listing
    page = client.get(url(question)).content.decode()
    assert "Accepted answer, by" not in page
    assert "Question: not answered yet" in page
