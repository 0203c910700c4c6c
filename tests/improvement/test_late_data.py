"""Late-data emails through send_reminders: from the due day, each data contact of a team
missing a required measure for last month gets one email, once across runs, in their
language, with the opt-out; withdrawn people, other members and opted-out people get
nothing, and a team that reported gets nothing."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from courses.choices import EnrolmentStatus
from courses.models import Enrolment
from improvement.entry import last_month
from improvement.models import LateDataNotice, MonthlyValue
from improvement.months import add_months
from reminders.sending import run
from tests.courses.factories import enrol
from tests.factories import UserFactory
from tests.improvement.conftest import make_measure
from tests.teams.conftest import join

FAILING = "tests.applications.backends.FailingBackend"


@pytest.fixture(autouse=True)
def no_storyboard_reminders(settings):
    """The course's workshop may fall within the storyboard notice: those emails are
    tested in test_storyboard_reminders."""
    settings.IMPROVEMENT_STORYBOARD_REMINDER_DAYS = 0


@pytest.fixture
def due_now():
    return timezone.now().replace(day=15)


@pytest.fixture
def measures(course):
    first = add_months(last_month(), -5)
    return [
        make_measure(course, name="Screened", first_month=first),
        make_measure(course, name="Outcomes", first_month=first, required=False),
    ]


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_data_contacts_of_a_late_team_get_one_email_across_runs(
    team, other_team, participant, measures, due_now
):
    colleague = UserFactory(username="clinician2")
    enrol(colleague, team.course)
    join(team, colleague, "clinician")  # not a data contact
    MonthlyValue.objects.create(
        team=other_team, measure=measures[0], month=last_month(), numerator=1, denominator=2
    )
    result = run(now=due_now)
    assert recipients() == [participant.email]
    assert result.sent == 1
    (email,) = mail.outbox
    assert "Screened" in email.body and "Outcomes" not in email.body  # required only
    assert f"http://testserver{team.course.url}teams/{team.slug}/data/?month=" in email.body
    assert "/reminders/stop/" in email.body and email.extra_headers["List-Unsubscribe"]
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run(now=due_now)
    assert len(mail.outbox) == 1
    assert LateDataNotice.objects.get().user == participant


def test_nothing_before_the_due_day_or_once_reported(team, participant, measures, due_now):
    with override_settings(IMPROVEMENT_DATA_DUE_DAY=20):
        run(now=due_now)
    assert mail.outbox == []
    MonthlyValue.objects.create(
        team=team, measure=measures[0], month=last_month(), no_data_reason="Clinic closed"
    )
    run(now=due_now)
    assert mail.outbox == []


def test_withdrawn_and_opted_out_data_contacts_get_nothing(team, participant, measures, due_now):
    Enrolment.objects.filter(user=participant).update(status=EnrolmentStatus.WITHDRAWN)
    run(now=due_now)
    assert mail.outbox == []
    Enrolment.objects.filter(user=participant).update(status=EnrolmentStatus.ACTIVE)
    participant.receives_reminders = False
    participant.save()
    run(now=due_now)
    assert mail.outbox == [] and not LateDataNotice.objects.exists()


def test_the_email_is_in_the_readers_language(team, participant, measures, due_now):
    participant.preferred_language = "ar"
    participant.save()
    run(now=due_now)
    (email,) = mail.outbox
    assert '<html lang="ar" dir="rtl">' in email.alternatives[0][0]
    assert "http://testserver/ar/reminders/stop/" in email.body


def test_a_mail_outage_leaves_the_email_queued_once(team, participant, measures, due_now):
    """The notice and the queued email are one; the outbox's retries send it, and the
    next run does not queue it again."""
    with override_settings(EMAIL_BACKEND=FAILING):
        assert run(now=due_now).sent == 1
    assert LateDataNotice.objects.count() == 1 and not mail.outbox
    assert run(now=due_now).sent == 0
