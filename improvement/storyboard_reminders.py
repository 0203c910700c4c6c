"""Storyboard reminders, sent by `send_reminders` (the reminders app's `send_reminders`
hook): IMPROVEMENT_STORYBOARD_REMINDER_DAYS (default 14) before a collaborative's
learning session, the senior leaders of each active team without a storyboard for it
get one email, in their language, with the reminders' one-click opt-out.

Exactly once: the run that creates a leader's StoryboardReminder for the workshop
(unique) queues it in the outbox, which retries it until it is sent.
Only people still in the course who take reminders and have an email are written to.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, send_all, unsubscribe_headers
from courses import access
from courses.choices import EnrolmentRole
from courses.models import WorkshopPage
from improvement.storyboards import Storyboard, StoryboardReminder
from reminders.sending import opt_out_url
from teams.choices import TeamStatus
from teams.models import TeamMember

ROLES = (EnrolmentRole.PARTICIPANT, EnrolmentRole.FACILITATOR)


def coming_workshops(now):
    """Live default-language workshops of collaboratives starting within the notice."""
    notice = timedelta(days=settings.IMPROVEMENT_STORYBOARD_REMINDER_DAYS)
    workshops = WorkshopPage.objects.live().filter(
        starts_at__gt=now,
        starts_at__lte=now + notice,
        locale__language_code=settings.LANGUAGE_CODE,
    )
    for workshop in workshops:
        course = workshop.get_course()
        if course is not None and course.live and course.has_teams:
            yield workshop, course


def leaders_without_storyboard(workshop, course):
    """[(team, user)] of senior leaders of active teams that have no storyboard yet."""
    done = Storyboard.objects.filter(workshop=workshop).values("team_id")
    leaders = (
        TeamMember.objects.filter(
            team__course=course,
            team__status=TeamStatus.ACTIVE,
            is_senior_leader=True,
            user__is_active=True,
            user__receives_reminders=True,
            user__in=access.member_ids(course.pk, ROLES),
        )
        .exclude(team_id__in=done)
        .exclude(user__email="")
        .select_related("team", "user")
    )
    return [(member.team, member.user) for member in leaders]


def reminder_email(user, workshop, team):
    with in_language(user):
        link = page_link(workshop) + workshop.reverse_subpage("storyboard_upload")
        opt_out = opt_out_url(user)
        subject = _("%(team)s: your storyboard for %(workshop)s") % {
            "team": team.name,
            "workshop": workshop.title,
        }
        return build_email(
            user.email,
            subject,
            "improvement/email/storyboard_reminder",
            {
                "recipient": user,
                "team": team,
                "workshop": workshop,
                "starts": date_format(workshop.local_starts_at.date(), "DATE_FORMAT"),
                "link": link,
                "opt_out_url": opt_out,
            },
            headers=unsubscribe_headers(opt_out),
        )


def claim_and_queue(workshop, user, email):
    """True if this run is the one to send: it made the record, and queued the email."""
    try:
        with transaction.atomic():
            reminder = StoryboardReminder.objects.create(workshop=workshop, user=user)
            send_all([email()], key=f"improvement.storyboard_reminder:{reminder.pk}")
    except IntegrityError:
        return False
    return True


def send_storyboard_reminders(now, result):
    for workshop, course in coming_workshops(now):
        for team, user in leaders_without_storyboard(workshop, access.original(course)):
            email = partial(reminder_email, user, workshop, team)
            if claim_and_queue(workshop, user, email):
                result.sent += 1
