"""One sentence per notification, for the notification centre (names isolated in
<bdi>, so a Latin name inside an Arabic sentence keeps its order) and for emails."""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _

from forums.choices import NotificationKind


def _template(notification):
    kind = notification.kind
    if kind == NotificationKind.ANNOUNCEMENT:
        return _("New announcement: %(title)s")
    if kind == NotificationKind.REPLY:
        return _("%(who)s replied in %(topic)s")
    if kind == NotificationKind.MENTION:
        return _("%(who)s mentioned you in %(topic)s")
    if kind == NotificationKind.REACTION:
        return _("%(who)s reacted “%(reaction)s” to your post in %(topic)s")
    if kind == NotificationKind.ANSWER:
        return _("%(who)s marked your reply as the answer in %(topic)s")
    if notification.detail == "hidden" and notification.reason:
        return _("A moderator hid your post in %(topic)s. The reason given: %(reason)s")
    if notification.detail == "hidden":
        return _("A moderator hid your post in %(topic)s")
    return _("A moderator restored your post in %(topic)s")


def _values(notification):
    if notification.page_id:
        return {"title": notification.page.title}
    actor = notification.actor
    return {
        "who": actor.get_full_name() if actor else _("A former member"),
        "topic": notification.topic.title,
        "reaction": notification.reaction_label,
        "reason": notification.reason,
    }


def sentence(notification):
    """Plain text, for email subjects and bodies."""
    return _template(notification) % _values(notification)


def sentence_html(notification):
    """The translated sentence escaped, each value escaped and isolated: the sentence's
    %(name)s placeholders become format_html's {name} (its own braces doubled)."""
    values = {key: format_html("<bdi>{}</bdi>", v) for key, v in _values(notification).items()}
    escaped = str(conditional_escape(_template(notification)))
    pattern = re.sub(r"%\((\w+)\)s", r"{\1}", escaped.replace("{", "{{").replace("}", "}}"))
    return format_html(pattern, **values)
