"""Creating polls, voting, closing early, and the results a reader may see.

Every change is one transaction. Results show to those who voted, and to everyone once
the poll is closed (by its date or by a moderator); a moderator's early close, or the closing
date (when the topic is next viewed, or by the daily command), posts the results into
the topic, once.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists
from django.utils import timezone
from django.utils.translation import gettext as _

from forums import posting
from forums.models import Poll, PollChoice, PollOption, PollVoter
from forums.page_cache import changed_topic


class VoteRefused(Exception):
    """The message says why; nothing was written."""


def create_poll(topic, *, question, options, multiple, anonymous, closes_at):
    with transaction.atomic():
        poll = Poll.objects.create(
            topic=topic,
            question=question,
            multiple=multiple,
            anonymous=anonymous,
            closes_at=closes_at,
        )
        PollOption.objects.bulk_create(
            PollOption(poll=poll, label=label, position=n) for n, label in enumerate(options, 1)
        )
        changed_topic(topic.pk)
    return poll


def vote(poll, user, option_ids):
    options = list(poll.options.filter(pk__in=option_ids))
    if not poll.is_open():
        raise VoteRefused(_("This poll is closed."))
    if not options or len(options) != len(set(option_ids)):
        raise VoteRefused(_("Choose one of the poll's options."))
    if len(options) > 1 and not poll.multiple:
        raise VoteRefused(_("This poll takes one choice only."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                PollVoter.objects.create(poll=poll, user=user)
        except IntegrityError:
            if poll.anonymous:
                raise VoteRefused(_("You have voted already; anonymous votes are final.")) from None
            PollChoice.objects.filter(option__poll=poll, user=user).delete()  # a change
        if poll.anonymous:
            taken = set()
            choices = []
            for option in options:
                pk = PollChoice.random_anonymous_pk(taken)
                taken.add(pk)
                choices.append(PollChoice(pk=pk, option=option))
        else:
            choices = [PollChoice(option=option, user=user) for option in options]
        PollChoice.objects.bulk_create(choices)
        changed_topic(poll.topic_id)


def close_early(poll, by):
    """Close the poll now and post its results into the topic, as `by`."""
    if not _close(poll, timezone.now(), by):
        raise VoteRefused(_("This poll is closed already."))


def post_results_if_due(poll, now=None):
    """A poll whose closing date has passed posts its results into the topic, in the
    name of the topic's author; called when the topic is viewed and by the daily
    command. True when this call posted them."""
    now = now or timezone.now()
    if poll.closed_at or not poll.closes_at or poll.closes_at > now:
        return False
    return _close(poll, poll.closes_at, poll.topic.author)


def post_due_results(now=None):
    """Every poll past its closing date whose results are not posted yet; their count."""
    now = now or timezone.now()
    due = Poll.objects.filter(closed_at=None, closes_at__lte=now).select_related("topic__author")
    return sum(post_results_if_due(poll, now) for poll in due)


def _close(poll, closed_at, by):
    """Set `closed_at` and post the results, once: the update only changes a poll still
    without `closed_at`, so of two requests at the same moment one posts and the other
    finds nothing to do."""
    with transaction.atomic():
        if not Poll.objects.filter(pk=poll.pk, closed_at=None).update(closed_at=closed_at):
            return False
        poll.closed_at = closed_at
        changed_topic(poll.topic_id)
        posting.reply(poll.topic, by, results_markdown(poll), may_post_when_locked=True)
    return True


def add_poll(topic, data):
    """A poll for a topic that has none, from PollForm's cleaned data; VoteRefused if
    another request gave it one first."""
    try:
        with transaction.atomic():
            return create_poll(
                topic,
                question=data["poll_question"],
                options=data["poll_options"],
                multiple=data["poll_multiple"],
                anonymous=data["poll_anonymous"],
                closes_at=data["poll_closes"],
            )
    except IntegrityError:
        raise VoteRefused(_("This topic has a poll already.")) from None


def tally(poll):
    """[(option, votes)] in option order, one query."""
    options = poll.options.annotate(votes=Count("choices")).order_by("position")
    return [(option, option.votes) for option in options]


def results_markdown(poll):
    voters = poll.voters.count()
    lines = [_("**Poll closed: %(question)s**") % {"question": poll.question}, ""]
    lines += [f"- {option.label}: {votes}" for option, votes in tally(poll)]
    lines += ["", _("%(count)d people voted.") % {"count": voters}]
    return "\n".join(lines)


def summary(poll, user):
    """What the topic page shows: the options with counts (when the reader may see
    them), the reader's own choices and the voters' names in a named poll. One query
    for the tally and whether the reader voted, one more for a named poll's names."""
    open_ = poll.is_open()
    voter = PollVoter.objects.filter(poll=poll, user=user.pk or None)
    rows = list(
        poll.options.annotate(votes=Count("choices"), reader_voted=Exists(voter)).order_by(
            "position"
        )
    )
    voted = user.is_authenticated and bool(rows) and rows[0].reader_voted
    show_results = voted or not open_
    mine = set()
    names = {}
    if not poll.anonymous and show_results:
        for choice in PollChoice.objects.filter(option__poll=poll).select_related("user"):
            names.setdefault(choice.option_id, []).append(choice.user.get_full_name())
            if choice.user_id == user.pk:
                mine.add(choice.option_id)
    total = sum(option.votes for option in rows) or 1
    return {
        "poll": poll,
        "open": open_,
        "voted": voted,
        "show_results": show_results,
        "may_change": voted and open_ and not poll.anonymous,
        "options": [
            {
                "option": option,
                "votes": option.votes,
                "percent": round(100 * option.votes / total),
                "names": names.get(option.pk, []),
                "mine": option.pk in mine,
            }
            for option in rows
        ],
    }
