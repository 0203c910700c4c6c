"""“Make it stick” reminders and session messages: who gets what, when, exactly once.

`send_reminders` (cron, every few minutes) calls `run()`, which
1. schedules: for each reminder (a FollowUpReminder on a live follow-up page of a live
   course) and session message whose time has come, it adds a ReminderDelivery row for
   each person of its audience who has none yet: pending, or skipped when the item fell
   due more than REMINDERS_CATCH_UP ago (installing the command, or enrolling late,
   floods nobody with old reminders). The unique constraints and `ignore_conflicts`
   make two runs at once create each row once;
2. enqueues: pending rows (and failed ones from before emails were tasks) are claimed
   with a conditional UPDATE that only touches unclaimed rows, so of two runs at once
   exactly one takes each row (one UPDATE at a time on SQLite; on PostgreSQL the second
   UPDATE waits for the first and re-checks the condition). Claimed rows are checked
   again (still a member, still wants reminders?), their emails queued in the outbox
   (core/outbox.py: sent by the task worker after commit, retried, once per delivery)
   and recorded as sent, or skipped.

3. asks every `send_reminders` hook function, `fn(now, result)`, to send the reminders
   of a higher app (improvement's late-data emails), each once by its own sent-record,
   and to add what it did to `result`.

A run that dies between claiming and recording leaves claimed rows behind, with nothing
queued (queuing and recording are one transaction); after STALE_CLAIM they are released
for the next run.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks
from wagtail.models import Page

from core.mail import absolute, build_email, page_link, send_all, sign, unsign
from courses import access
from courses.choices import EnrolmentRole
from courses.models import CoursePage, FollowUpReminder, WorkshopPage
from reminders.choices import DeliveryStatus
from reminders.models import ReminderDelivery, SessionMessage

logger = logging.getLogger(__name__)
OPT_OUT_SALT = "courses.reminders.opt-out"
STALE_CLAIM = timedelta(hours=1)
BATCH = 100
RETRYABLE = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def catch_up():
    return settings.REMINDERS_CATCH_UP


@dataclass
class RunResult:
    """What one run did (under a race, `scheduled` may count rows another run made)."""

    scheduled: int = 0
    sent: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class DueItem:
    """A reminder or session message whose time has come, with where it belongs."""

    item: FollowUpReminder | SessionMessage
    course_id: int
    due_at: datetime

    @property
    def lookup(self):
        kind = "reminder" if isinstance(self.item, FollowUpReminder) else "message"
        return {kind: self.item}


def parent_path(page):
    return page.path[: -Page.steplen]


def due_reminders(now):
    """Reminders on live follow-up pages of live workshops and courses, due by `now`.
    Three queries, however many reminders."""
    reminders = list(FollowUpReminder.objects.filter(page__live=True).select_related("page"))
    workshops = WorkshopPage.objects.live().filter(
        path__in={parent_path(reminder.page) for reminder in reminders}
    )
    workshops = {workshop.path: workshop for workshop in workshops}
    courses = CoursePage.objects.live().filter(
        path__in={parent_path(w) for w in workshops.values()}
    )
    course_ids = dict(courses.values_list("path", "pk"))
    for reminder in reminders:
        workshop = workshops.get(parent_path(reminder.page))
        course_id = workshop and course_ids.get(parent_path(workshop))
        if course_id and reminder.due_at(workshop) <= now:
            yield DueItem(reminder, course_id, reminder.due_at(workshop))


def due_messages(now):
    messages = SessionMessage.objects.filter(send_at__lte=now, course__live=True)
    for message in messages:
        yield DueItem(message, message.course_id, message.send_at)


def audience_roles(item):
    if item.include_facilitators:
        return (EnrolmentRole.PARTICIPANT, EnrolmentRole.FACILITATOR)
    return (EnrolmentRole.PARTICIPANT,)


def audience(course_id, roles):
    """Ids of the course's members in these roles who take reminders and can get email."""
    users = get_user_model().objects.filter(
        pk__in=access.member_ids(course_id, roles), is_active=True, receives_reminders=True
    )
    return set(users.exclude(email="").values_list("pk", flat=True))


def schedule(now, result):
    """Create the missing delivery rows of every due item."""
    oldest_to_send = now - catch_up()
    audiences = {}
    for due in [*due_reminders(now), *due_messages(now)]:
        key = (due.course_id, audience_roles(due.item))
        if key not in audiences:
            audiences[key] = audience(*key)
        seen = ReminderDelivery.objects.filter(**due.lookup).values_list("user_id", flat=True)
        new = sorted(audiences[key] - set(seen))
        if not new:
            continue
        status = DeliveryStatus.PENDING if due.due_at >= oldest_to_send else DeliveryStatus.SKIPPED
        note = "" if status == DeliveryStatus.PENDING else "Due too long before it was first seen."
        rows = [
            ReminderDelivery(
                user_id=user_id,
                course_id=due.course_id,
                status=status,
                last_error=note,
                **due.lookup,
            )
            for user_id in new
        ]
        ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True)
        if status == DeliveryStatus.PENDING:
            result.scheduled += len(rows)
        else:
            result.skipped += len(rows)


def opt_out_url(user):
    token = sign(user.pk, OPT_OUT_SALT)
    return absolute(reverse("courses_reminders_opt_out", args=[token]))


def read_opt_out_token(token):
    """The user id the token names, or None."""
    return unsign(token, OPT_OUT_SALT)


def delivery_email(delivery):
    user = delivery.user
    reminder, message = delivery.reminder, delivery.message
    if reminder:
        text, link_to = reminder.message, reminder.page
    else:
        text, link_to = message.body, message.follow_up or delivery.course
    with translation.override(user.preferred_language):
        opt_out = opt_out_url(user)
        return build_email(
            user.email,
            delivery.item.subject,
            "reminders/email/reminder",
            {
                "recipient": user,
                "course": delivery.course,
                "text": text,
                "link": page_link(link_to),
                "link_title": link_to.title,
                "opt_out_url": opt_out,
                "profile_url": absolute(reverse("profile")),
            },
            headers={
                "List-Unsubscribe": f"<{opt_out}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def still_wanted(deliveries):
    """Ids of the claimed deliveries whose person is still in the item's audience: not
    withdrawn since, not opted out since. One query."""
    roles = access.member_roles({d.user_id for d in deliveries}, {d.course_id for d in deliveries})
    return {
        d.pk
        for d in deliveries
        if d.user.is_active
        and d.user.receives_reminders
        and d.user.email
        and roles.get((d.user_id, d.course_id)) in audience_roles(d.item)
    }


def record(delivery, token, result, **fields):
    """Write a claimed delivery's outcome and release the claim."""
    ReminderDelivery.objects.filter(pk=delivery.pk, claim=token).update(
        claim="", claimed_at=None, **fields
    )
    setattr(result, fields["status"], getattr(result, fields["status"]) + 1)


def send_one(delivery, token, result):
    """Queue the email and record it sent, in one transaction: the outbox enqueues it
    when the record commits."""
    with transaction.atomic():
        send_all([delivery_email(delivery)], key=f"reminders.delivery:{delivery.pk}")
        record(
            delivery,
            token,
            result,
            status=DeliveryStatus.SENT,
            attempts=F("attempts") + 1,
            sent_at=timezone.now(),
            last_error="",
        )


def release_stale_claims(now):
    ReminderDelivery.objects.exclude(claim="").filter(claimed_at__lt=now - STALE_CLAIM).update(
        claim="", claimed_at=None
    )


def deliver(now, result):
    release_stale_claims(now)
    token = uuid.uuid4().hex
    waiting = ReminderDelivery.objects.filter(status__in=RETRYABLE, claim="").order_by("pk")
    for chunk in chunks(list(waiting.values_list("pk", flat=True)), BATCH):
        claimed = ReminderDelivery.objects.filter(pk__in=chunk, status__in=RETRYABLE, claim="")
        if not claimed.update(claim=token, claimed_at=now):
            continue  # another run took them all
        deliveries = list(
            ReminderDelivery.objects.filter(claim=token).select_related(
                "user", "course", "reminder__page", "message__follow_up"
            )
        )
        wanted = still_wanted(deliveries)
        for delivery in deliveries:
            if delivery.pk in wanted:
                send_one(delivery, token, result)
            else:
                note = "No longer a member, or no longer wants reminders."
                record(delivery, token, result, status=DeliveryStatus.SKIPPED, last_error=note)


def run(now=None):
    now = now or timezone.now()
    result = RunResult()
    schedule(now, result)
    deliver(now, result)
    for send in hooks.get_hooks("send_reminders"):
        send(now, result)
    return result


def with_delivery_counts(queryset):
    """Annotate reminders or session messages with `<status>_count` for each status."""
    return queryset.annotate(
        **{
            f"{status}_count": Count("deliveries", filter=Q(deliveries__status=status))
            for status in DeliveryStatus
        }
    )
