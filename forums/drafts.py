"""Drafts: saved on a "Save draft" press (or by forums/static/forums/drafts.js while
JavaScript is on), offered again in the form, removed once the post is sent."""

from django.utils import timezone

from forums.forms import BODY_MAX, TITLE_MAX
from forums.models import Draft


class DraftTooLong(Exception):
    pass


def save(user, forum, topic, body, title=""):
    if len(body) > BODY_MAX or len(title) > TITLE_MAX:
        raise DraftTooLong
    Draft.objects.update_or_create(
        user=user,
        forum=forum,
        topic=topic,
        defaults={"body": body, "title": title, "updated": timezone.now()},
    )


def find(user, forum, topic):
    if not user.is_authenticated:
        return None
    return Draft.objects.filter(user=user, forum=forum, topic=topic).first()


def discard(user, forum, topic):
    Draft.objects.filter(user=user, forum=forum, topic=topic).delete()
