"""Demo reactions, mentions, an answered question and a decided poll, made through
the real paths (so the notifications exist too). Idempotent: nothing is added twice."""

from datetime import timedelta

from forums import mentions, polls, posting, reactions
from forums.models import Poll, Reaction, Topic

QUESTION = (
    "Which edition of the problem-solving manual should we translate from?",
    [
        (
            "learner",
            "We are starting the Urdu translation next month. There is a 2016 edition and "
            "a revised one with the group sessions. Which one are the other teams using?",
        ),
        (
            "facilitator",
            "Use the revised edition: the five steps are the same, but the group session "
            "scripts and the fidelity list match it. The Cairo team's Arabic version is "
            "built on it too, so you can compare wording with them.",
        ),
        (
            "learner",
            "That settles it, thank you @facilitator. @editor, could the secretariat share "
            "the Cairo team's glossary with us?",
        ),
    ],
)

POLL_TOPIC = (
    "Deciding together: which day for the monthly consultation call?",
    [
        (
            "facilitator",
            "The call moves from Thursday in January. Teams in Rawalpindi, Cairo, Tehran, "
            "Amman and Manchester all have clinics on different days, so let us decide "
            "together rather than the facilitators choosing. Vote below; I will close the "
            "poll at the end of the week.",
        ),
        ("learner", "Sunday is a working day for us, Friday is not. Voted for Tuesday."),
    ],
)
POLL = ("Which day should the monthly call move to?", ["Sunday", "Tuesday", "Wednesday"])


def load_decided_poll(forum, people, now, create_topic):
    """A named poll the team leads voted in, closed by the facilitator, results posted."""
    title, posts = POLL_TOPIC
    create_topic(forum, title, posts, now - timedelta(days=6), people)
    topic = Topic.objects.select_related("forum").get(forum=forum, title=title)
    if hasattr(topic, "poll"):
        return
    question, options = POLL
    poll = polls.create_poll(
        topic, question=question, options=options, multiple=False, anonymous=False, closes_at=None
    )
    sunday, tuesday, _wednesday = poll.options.order_by("position")
    for username, option in [("learner", tuesday), ("editor", tuesday), ("admin", sunday)]:
        polls.vote(poll, people[username], [option.pk])
    polls.close_early(poll, people["facilitator"])


# topic title, post position, reacting username, kind
REACTIONS = [
    ("Getting supervisors to protect time for supervision", 2, "learner", "helpful"),
    ("Getting supervisors to protect time for supervision", 2, "learner", "thanks"),
    ("Getting supervisors to protect time for supervision", 2, "editor", "helpful"),
    ("Getting supervisors to protect time for supervision", 1, "facilitator", "plus_one"),
    (QUESTION[0], 2, "learner", "thanks"),
    (QUESTION[0], 2, "editor", "plus_one"),
]


def load_answered_question(forum, people, now, create_topic):
    title, posts = QUESTION
    create_topic(forum, title, posts, now - timedelta(days=3), people)
    topic = Topic.objects.get(forum=forum, title=title)
    if not topic.is_question:
        posting.set_question(topic, True)
    if topic.answer_id is None:
        posting.accept_answer(topic, topic.posts.get(position=2), by=people["learner"])


def load_mentions(forum, people):
    """The notifications for the question's last post, which names two people."""
    topic = Topic.objects.select_related("forum").get(forum=forum, title=QUESTION[0])
    post = topic.posts.select_related("author").get(position=3)
    post.topic = topic
    mentioned, _unknown = mentions.resolve(post.body)
    mentions.notify_mentioned(post, mentioned)


def load_reactions(people):
    for title, position, username, kind in REACTIONS:
        post = (
            Topic.objects.filter(title=title).first().posts.select_related("topic", "author")
        ).get(position=position)
        if not Reaction.objects.filter(post=post, user=people[username], kind=kind).exists():
            reactions.toggle(post, people[username], kind)


GUEST_REPLY = (
    "laleh.karimi",
    "Thank you for inviting me. In Iran the change that lasted was putting the "
    "counsellors' supervision into the clinic's own timetable. @learner, I am glad to "
    "talk through your weekly supervision plan.",
)
HIDDEN_POST = (
    "Our hardest case this month was a client from the Dhok Hassu clinic; her full name "
    "and phone number are in the notes I attached.",
    "This names a client. Please share cases without names or contact details.",
)
CALL_POLL = ("Which time suits the next consultation call?", ["08:00 UTC", "12:00 UTC"])


def load_course_forum(forum, title, people, now):
    """In the course's introductions topic: the guest speaker's reply (her badge and a
    mention), a post the facilitator hid with a reason, and a poll added after the topic
    started whose closing date has passed, so its results are posted."""
    topic = Topic.objects.select_related("forum", "author").filter(forum=forum, title=title).first()
    guest = people.get(GUEST_REPLY[0])
    if topic is None or guest is None or topic.posts.filter(author=guest).exists():
        return
    post, _new = posting.reply(topic, guest, GUEST_REPLY[1], now=now - timedelta(days=9))
    post.topic = topic
    mentioned, _unknown = mentions.resolve(post.body)
    mentions.notify_mentioned(post, mentioned)
    body, reason = HIDDEN_POST
    hidden, _new = posting.reply(topic, people["learner"], body, now=now - timedelta(days=8))
    hidden.topic = topic
    posting.moderate_post(hidden, "hidden", by=people["facilitator"], reason=reason, hidden=True)
    question, options = CALL_POLL
    poll = polls.create_poll(
        topic, question=question, options=options, multiple=False, anonymous=False,
        closes_at=now + timedelta(days=1),
    )  # fmt: skip
    first, second = poll.options.order_by("position")
    for username, option in [("learner", first), ("laleh.karimi", first), ("admin", second)]:
        polls.vote(poll, people[username], [option.pk])
    Poll.objects.filter(pk=poll.pk).update(closes_at=now - timedelta(days=1))
    poll.refresh_from_db()
    poll.topic = topic
    polls.post_results_if_due(poll)
