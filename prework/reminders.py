"""Overdue pre-work emails, sent by `send_reminders` (the reminders app's hook): when an
item passes its due day undone, each person who can tick it (a team's senior leaders;
a community's participant) gets one email listing their overdue items, in their
language, with the reminders' one-click opt-out.

Exactly once per person and item: the run that creates the PreworkReminder (unique)
queues it in the outbox, which retries it until it is sent. Only
people still in the course who take reminders and have an email are written to.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, send_all, unsubscribe_headers
from courses import access
from courses.choices import EnrolmentRole
from courses.models import CoursePage
from prework import status
from prework.choices import PreworkState
from prework.models import PreworkItem, PreworkReminder
from reminders.sending import opt_out_url
from teams.models import TeamMember


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
    """The reminders of the items this run is the one to remind `user` of."""
    claimed = []
    for item in items:
        try:
            with transaction.atomic():
                reminder = PreworkReminder.objects.create(item=item, team=owner.team, user=user)
        except IntegrityError:
            continue
        claimed.append(reminder)
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
    today = timezone.localdate(now)
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
                items = {reminder.item_id for reminder in claimed}
                rows = [row for row in overdue if row.item.pk in items]
                key = f"prework.reminder:{claimed[0].pk}"
                send_all([overdue_email(user, course, owner, rows)], key=key)
                result.sent += 1
