"""Late-data emails, sent by `send_reminders` (the reminders app's `send_reminders`
hook): from the due day of the month (IMPROVEMENT_DATA_DUE_DAY), each data contact of
an active team that is missing a required measure for last month gets one email, in
their language, with the reminders' one-click opt-out.

Exactly once: the run that creates a person's LateDataNotice for the team and month
(unique) sends it; if sending fails it deletes the notice, so the next run retries.
Only people still in the course (not withdrawn) who take reminders and have an email
are written to.
"""

import logging

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, unsubscribe_headers
from courses import access
from courses.choices import EnrolmentRole, ProgrammeForm
from courses.models import CoursePage
from improvement.entry import last_month
from improvement.models import LateDataNotice
from improvement.status import is_due, missing_required
from reminders.sending import opt_out_url
from teams.choices import TeamStatus
from teams.models import Team, TeamMember

logger = logging.getLogger(__name__)
ROLES = (EnrolmentRole.PARTICIPANT, EnrolmentRole.FACILITATOR)


def late_teams(course, month):
    """[(team, missing required measures)] of the course's active teams."""
    teams = list(Team.objects.filter(course=course, status=TeamStatus.ACTIVE))
    missing = missing_required(teams, course, month)
    return [(team, missing[team.pk]) for team in teams if missing[team.pk]]


def recipients(course, teams):
    """{team id: [users]}: data contacts still in the course who take reminders."""
    contacts = TeamMember.objects.filter(
        team__in=teams,
        is_data_contact=True,
        user__is_active=True,
        user__receives_reminders=True,
        user__in=access.member_ids(course.pk, ROLES),
    ).exclude(user__email="")
    found = {}
    for member in contacts.select_related("user"):
        found.setdefault(member.team_id, []).append(member.user)
    return found


def late_email(user, course, team, month, missing):
    with in_language(user):
        url = page_link(course) + course.reverse_subpage(
            "team_data", kwargs={"team_slug": team.slug}
        )
        opt_out = opt_out_url(user)
        month_name = date_format(month, "YEAR_MONTH_FORMAT")
        subject = _("%(team)s: data for %(month)s are missing") % {
            "team": team.name,
            "month": month_name,
        }
        return build_email(
            user.email,
            subject,
            "improvement/email/late_data",
            {
                "recipient": user,
                "course": course,
                "team": team,
                "month": month_name,
                "missing": missing,
                "link": f"{url}?month={month:%Y-%m}",
                "opt_out_url": opt_out,
            },
            headers=unsubscribe_headers(opt_out),
        )


def claim(team, month, user):
    """True if this run is the one to send: it made the notice."""
    try:
        with transaction.atomic():
            LateDataNotice.objects.create(team=team, month=month, user=user)
    except IntegrityError:
        return False
    return True


def send_late_data_emails(now, result):
    today = timezone.localdate(now)
    if not is_due(today):
        return
    month, connection = last_month(today), get_connection()
    courses = CoursePage.objects.live().filter(
        programme_form=ProgrammeForm.COLLABORATIVE, teams__status=TeamStatus.ACTIVE
    )
    for course in courses.distinct():
        late = late_teams(course, month)
        people = recipients(course, [team for team, _missing in late])
        for team, missing in late:
            for user in people.get(team.pk, []):
                if not claim(team, month, user):
                    continue
                try:
                    connection.send_messages([late_email(user, course, team, month, missing)])
                except Exception as error:  # any backend error: the next run retries
                    logger.warning("Late-data email to %s failed: %s", user.pk, error)
                    LateDataNotice.objects.filter(team=team, month=month, user=user).delete()
                    result.failed += 1
                else:
                    result.sent += 1
