"""Demo forums in the voice of the collaborative's participants, and a 10,000-post
topic at --scale 2 and above for performance work. Idempotent: every topic is looked up
by title before it is written."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from forums import demo_engagement, posting
from forums.choices import Delivery, Scope
from forums.models import (
    DeliveryPreference,
    Forum,
    ForumTranslation,
    Post,
    Subscription,
    Topic,
)
from forums.rendering import body_hash, render_markdown

FORUMS = [
    # slug, name, scope, position, description
    (
        "barriers-and-solutions",
        "Barriers and solutions",
        Scope.PUBLIC,
        10,
        "What gets in the way of delivering the practice, and what teams did about it.",
    ),
    (
        "team-leads-and-supervisors",
        "Team leads and supervisors",
        Scope.MEMBERS,
        20,
        "For senior leaders and supervisors of the participating teams.",
    ),
]

# forum slug: {language: (name, description)}
FORUM_TRANSLATIONS = {
    "barriers-and-solutions": {
        "ar": ("العوائق والحلول", "ما الذي يعيق تقديم الممارسة، وما الذي فعلته الفرق حياله."),
        "fa": ("موانع و راه‌حل‌ها", "چه چیزی مانع اجرای این روش می‌شود و تیم‌ها برای آن چه کردند."),
        "ur": (
            "رکاوٹیں اور حل",
            "کیا چیز اس طریقۂ کار کی فراہمی میں رکاوٹ بنتی ہے، اور ٹیموں نے اس کا کیا حل نکالا۔",
        ),
    },
    "team-leads-and-supervisors": {
        "ar": ("قادة الفرق والمشرفون", "لكبار القادة والمشرفين في الفرق المشاركة."),
        "fa": ("سرپرستان و ناظران تیم‌ها", "برای رهبران ارشد و ناظران تیم‌های شرکت‌کننده."),
        "ur": ("ٹیم لیڈز اور سپروائزرز", "شریک ٹیموں کے سینئر رہنماؤں اور سپروائزرز کے لیے۔"),
    },
}

# forum slug, title, days ago, [(username, body), ...]: the first post opens the topic.
TOPICS = [
    (
        "barriers-and-solutions",
        "Getting supervisors to protect time for supervision",
        12,
        [
            (
                "learner",
                "In Rawalpindi our supervision hour keeps being eaten by the OPD queue. "
                "The lady health workers wait all morning and then we cancel.\n\n"
                "How have other teams **protected** the hour?",
            ),
            (
                "facilitator",
                "In Amman we put supervision on the clinic rota as a *clinical session*, "
                "so it is counted like patient time. Two things helped:\n\n"
                "1. The district manager signed the rota.\n"
                "2. We moved it to the first hour, before the queue builds.",
            ),
            (
                "learner",
                "Thank you. I will take the signed rota idea to our DHO on Monday.",
            ),
        ],
    ),
    (
        "barriers-and-solutions",
        "Adapting the problem-solving manual for Urdu-speaking clients",
        8,
        [
            (
                "learner",
                "The manual's examples are about commuting and office work. Our clients "
                "are mostly women at home and farmers. Has anyone adapted the examples "
                "without changing the steps?",
            ),
            (
                "facilitator",
                "Yes: keep the five steps exactly, change only the stories. The Cairo "
                "team wrote new examples with clients in a focus group, then checked "
                "each one against the fidelity list.\n\n"
                "> Adapt the surface, protect the active ingredients.",
            ),
        ],
    ),
    (
        "team-leads-and-supervisors",
        "Tracking fidelity without extra paperwork",
        5,
        [
            (
                "facilitator",
                "Supervisors tell me the fidelity checklist doubles their paperwork. "
                "What if we rated one recorded session per helper per month, during "
                "supervision itself?",
            ),
            (
                "learner",
                "We tried that in two sites. Rating together in supervision took ten "
                "minutes and the helpers liked hearing the feedback straight away.",
            ),
        ],
    ),
]

COURSE_TOPIC = (
    "Introductions: who is on your team?",
    [
        (
            "facilitator",
            "Welcome to the course forum. Tell us your team, your site and one thing "
            "you hope to change this year.",
        ),
        (
            "learner",
            "Bilal, Rawalpindi District Health Office. Our team is a supervisor, two "
            "lady health workers and me. We want supervision to happen every week.",
        ),
    ],
)

LONG_TOPIC_TITLE = "Weekly check-in: what did you try this week?"
LONG_TOPIC_POSTS = 10_000
LONG_TOPIC_BODIES = [
    "Ran two group sessions this week; attendance held up after the reminder calls.",
    "Supervision happened on time. We used the *signed rota* again.",
    "Translated the homework sheet into **Urdu**; clients filled it in.",
    "Quiet week: Eid holidays. Back to the plan on Sunday.",
]


def users():
    User = get_user_model()
    return {user.username: user for user in User.objects.filter(username__in=_USERNAMES)}


_USERNAMES = ["admin", "editor", "facilitator", "learner", "laleh.karimi"]


def create_topic(forum, title, posts, started, people):
    if Topic.objects.filter(forum=forum, title=title).exists():
        return
    (first_author, first_body), *replies = posts
    topic, _new = posting.start_topic(forum, people[first_author], title, first_body, now=started)
    for number, (author, body) in enumerate(replies, start=1):
        posting.reply(topic, people[author], body, now=started + timedelta(hours=5 * number))


def create_long_topic(forum, authors, started):
    """10,000 posts by bulk insert, with the counters set to match."""
    if Topic.objects.filter(forum=forum, title=LONG_TOPIC_TITLE).exists():
        return
    rendered = [(body, render_markdown(body), body_hash(body)) for body in LONG_TOPIC_BODIES]
    with transaction.atomic():
        topic = Topic.objects.create(forum=forum, title=LONG_TOPIC_TITLE, author=authors[0])
        posts = []
        for position in range(1, LONG_TOPIC_POSTS + 1):
            body, html, digest = rendered[position % len(rendered)]
            created = started + timedelta(minutes=position)
            posts.append(
                Post(
                    topic=topic,
                    author=authors[position % len(authors)],
                    position=position,
                    body=body,
                    body_html=html,
                    body_hash=digest,
                    created=created,
                )
            )
        Post.objects.bulk_create(posts, batch_size=1000)
        topic.created = started
        topic.post_count = topic.last_position = LONG_TOPIC_POSTS
        topic.last_post_at = posts[-1].created
        topic.last_poster = posts[-1].author
        topic.save()


def load(scale, stdout):
    people = users()
    now = timezone.now()
    forums = {}
    for slug, name, scope, position, description in FORUMS:
        forums[slug], _created = Forum.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "scope": scope,
                "position": position,
                "description": description,
            },
        )
    for slug, translations in FORUM_TRANSLATIONS.items():
        for language, (name, description) in translations.items():
            ForumTranslation.objects.get_or_create(
                forum=forums[slug],
                language_code=language,
                defaults={"name": name, "description": description},
            )
    for slug, title, days_ago, posts in TOPICS:
        create_topic(forums[slug], title, posts, now - timedelta(days=days_ago), people)
    demo_engagement.load_answered_question(
        forums["barriers-and-solutions"], people, now, create_topic
    )
    demo_engagement.load_mentions(forums["barriers-and-solutions"], people)
    demo_engagement.load_decided_poll(
        forums["team-leads-and-supervisors"], people, now, create_topic
    )
    demo_engagement.load_reactions(people)
    # A course forum made by the courses app, if there is one by now.
    course_forum = Forum.objects.filter(scope=Scope.PAGE).order_by("pk").first()
    if course_forum:
        create_topic(course_forum, *COURSE_TOPIC, now - timedelta(days=14), people)
        demo_engagement.load_course_forum(course_forum, COURSE_TOPIC[0], people, now)
    # The editor reads the public forum as a daily digest.
    editor = people["editor"]
    Subscription.objects.get_or_create(user=editor, forum=forums["barriers-and-solutions"])
    DeliveryPreference.objects.get_or_create(user=editor, defaults={"delivery": Delivery.DIGEST})
    if scale >= 2:
        load_scale(scale, forums["barriers-and-solutions"], people, now)
    stdout.write(f"Forums: {Forum.objects.count()} forums, {Topic.objects.count()} topics.")


def load_scale(scale, forum, people, now):
    for number in range(1, 10 * (scale - 1) + 1):
        posts = [
            ("learner", f"Site {number}: our supervisor left and the new one has no training."),
            ("facilitator", "Pair them with a supervisor from a neighbouring site for a month."),
            ("learner", "That worked for us; the handover notes helped too."),
        ]
        title = f"Handing over supervision at site {number}"
        create_topic(forum, title, posts, now - timedelta(days=30, hours=number), people)
    authors = [people["learner"], people["facilitator"]]
    create_long_topic(forum, authors, now - timedelta(days=60))
