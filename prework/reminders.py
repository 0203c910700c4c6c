"""Overdue pre-work emails, sent by `send_reminders` (the reminders app's hook): when an
item passes its due day undone, each person who can tick it (a team's senior leaders;
a community's participant) gets one email listing their overdue items, in their
language, with the reminders' one-click opt-out.

Exactly once per person and item: the run that creates the PreworkReminder (unique)
sends it; if sending fails it deletes its reminders, so the next run retries. Only
people still in the course who take reminders and have an email are written to.
"""

import logging

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, unsubscribe_headers
from courses import access
from courses.choices import EnrolmentRole
from courses.models import CoursePage
from prework import status
from prework.choices import PreworkState
from prework.models import PreworkItem, PreworkReminder
from reminders.sending import opt_out_url
from teams.models import TeamMember

logger = logging.getLogger(__name__)


def recipients(course, owners):
    """{owner key: [users]} who tick the owner's items and take reminders."""
    still_in = access.member_ids(course.pk, (EnrolmentRole.PARTICIPANT, EnrolmentRole.FACILITATOR))
    leaders = TeamMember.objects.filter(
        team__in=[owner.team for owner in owners if owner.team],
        is_senior_leader=True,
        user__is_active=True,
        user__receives_reminders=True,
        user__in=still_in,
    ).exclude(user__email="")
    found = {}
    for member in leaders.select_related("user"):
        found.setdefault(("team", member.team_id), []).append(member.user)
    for owner in owners:
        user = owner.user
        if user and user.is_active and user.receives_reminders and user.email:
            found[owner.key] = [user]
    return found


def claim(items, owner, user):
    """The items this run is the one to remind `user` of."""
    claimed = []
    for item in items:
        try:
            with transaction.atomic():
                PreworkReminder.objects.create(item=item, team=owner.team, user=user)
        except IntegrityError:
            continue
        claimed.append(item)
    return claimed


def overdue_email(user, course, owner, rows):
    with in_language(user):
        opt_out = opt_out_url(user)
        link = page_link(course)
        if owner.team:
            link += course.reverse_subpage("team", kwargs={"team_slug": owner.team.slug})
        subject = _("Pre-work overdue: %(course)s") % {"course": course.title}
        return build_email(
            user.email,
            subject,
            "prework/email/overdue",
            {
                "recipient": user,
                "course": course,
                "team": owner.team,
                "rows": rows,
                "link": link,
                "opt_out_url": opt_out,
            },
            headers=unsubscribe_headers(opt_out),
        )


def send_overdue(now, result):
    today, connection = timezone.localdate(now), get_connection()
    course_ids = PreworkItem.objects.values("course_id")
    for course in CoursePage.objects.live().filter(pk__in=course_ids):
        owners = status.course_owners(course)
        found = status.states(owners, status.course_items([course.pk]), today)
        people = recipients(course, owners)
        for owner in owners:
            overdue = [row for row in found[owner.key] if row.state == PreworkState.OVERDUE]
            if not overdue:
                continue
            for user in people.get(owner.key, []):
                claimed = claim([row.item for row in overdue], owner, user)
                if not claimed:
                    continue
                rows = [row for row in overdue if row.item in claimed]
                try:
                    connection.send_messages([overdue_email(user, course, owner, rows)])
                except Exception as error:  # any backend error: the next run retries
                    logger.warning("Pre-work reminder to %s failed: %s", user.pk, error)
                    PreworkReminder.objects.filter(
                        item__in=claimed, team=owner.team, user=user
                    ).delete()
                    result.failed += 1
                else:
                    result.sent += 1
