"""Polls for shared decisions, one per topic.

One vote per person and poll: a `PollVoter` row, unique per poll and user, is written
with the ballot in one transaction. In an anonymous poll the ballot's choices carry no
user and no time, and their ids are random negative numbers (the approach of
evaluations' anonymous answers): neither the id sequence, the row order nor a timestamp
pairs a voter row with its choices. Such a ballot cannot be found again, so an
anonymous vote is final; a named vote can change until the poll closes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ids import random_anonymous_pk

MIN_OPTIONS, MAX_OPTIONS = 2, 20


class Poll(models.Model):
    topic = models.OneToOneField("forums.Topic", on_delete=models.CASCADE, related_name="poll")
    question = models.CharField(_("poll question"), max_length=200)
    multiple = models.BooleanField(_("people may choose several options"), default=False)
    anonymous = models.BooleanField(_("anonymous votes"), default=False)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)  # closed early by a moderator

    def __str__(self):
        return self.question

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.closed_at is None and (self.closes_at is None or self.closes_at > now)


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=200)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "position"], name="forums_polloption_position")
        ]

    def __str__(self):
        return self.label


class PollVoter(models.Model):
    """That a person voted (never what): the one-vote-per-person rule."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "user"], name="forums_pollvoter_one_vote")
        ]

    def __str__(self):
        return f"{self.user_id} voted in poll {self.poll_id}"


class PollChoice(models.Model):
    """One option chosen on a ballot; `user` is empty in anonymous polls."""

    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="choices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["option", "user"],
                condition=models.Q(user__isnull=False),
                name="forums_pollchoice_once",
            )
        ]

    def __str__(self):
        return f"choice of option {self.option_id}"

    @classmethod
    def random_anonymous_pk(cls, taken):
        return random_anonymous_pk(cls, taken)
