"""Late-data emails, sent by `send_reminders` (the reminders app's `send_reminders`
hook): from the due day of the month (IMPROVEMENT_DATA_DUE_DAY), each data contact of
an active team that is missing a required measure for last month gets one email, in
their language, with the reminders' one-click opt-out.

Exactly once: the run that creates a person's LateDataNotice for the team and month
(unique) queues the email in the outbox, in the same transaction (core/outbox.py: sent
after commit by the task worker, retried, once per notice).
Only people still in the course (not withdrawn) who take reminders and have an email
are written to.
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, send_all, unsubscribe_headers
from courses import access
from courses.choices import EnrolmentRole, ProgrammeForm
from courses.models import CoursePage
from improvement.entry import last_month
from improvement.models import LateDataNotice
from improvement.status import is_due, missing_required
from reminders.sending import opt_out_url
from teams.choices import TeamStatus
from teams.models import Team, TeamMember

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


def claim_and_queue(team, month, user, email):
    """True if this run is the one to send: it made the notice, and queued the email."""
    try:
        with transaction.atomic():
            notice = LateDataNotice.objects.create(team=team, month=month, user=user)
            send_all([email()], key=f"improvement.late_data:{notice.pk}")
    except IntegrityError:
        return False
    return True


def send_late_data_emails(now, result):
    today = timezone.localdate(now)
    if not is_due(today):
        return
    month = last_month(today)
    courses = CoursePage.objects.live().filter(
        programme_form=ProgrammeForm.COLLABORATIVE, teams__status=TeamStatus.ACTIVE
    )
    for course in courses.distinct():
        late = late_teams(course, month)
        people = recipients(course, [team for team, _missing in late])
        for team, missing in late:
            for user in people.get(team.pk, []):
                email = partial(late_email, user, course, team, month, missing)
                if claim_and_queue(team, month, user, email):
                    result.sent += 1
