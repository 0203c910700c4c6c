"""Posts show the author's initials on a colour from the name, and the badge a higher
app gives through the forums_author_badges hook."""

from wagtail import hooks

from core import avatars
from forums import people
from tests.forums.factories import make_topic


def test_initials_and_colour_come_from_the_name_alone():
    assert people.initials("Dr Samira Haddad") == "DH"
    assert people.initials("Bilal") == "B"
    assert people.initials("مريم أحمد") == "مأ"
    assert people.colour("Bilal Ahmed") == people.colour("Bilal Ahmed")
    assert 0 <= people.colour("x") < len(avatars.COLOURS)


def test_facilitator_badge_is_asked_through_the_hook(
    client, course_rules, forum_a, member, facilitator_a
):
    course_rules.members[forum_a.page_id] = {member.pk}
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    topic = make_topic(forum_a, facilitator_a, title="Welcome")

    def badges(page, user_ids):
        return {pk: "Facilitator" for pk in user_ids if pk == facilitator_a.pk}

    client.force_login(member)
    with hooks.register_temporarily("forums_author_badges", badges):
        page = client.get(topic.get_absolute_url()).content.decode()
    assert '<span class="badge badge--role">Facilitator</span>' in page
    assert 'class="avatar avatar--' in page and ">FF</span>" in page
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "badge--role" not in page  # no hook, no badge
