"""The emails of informational calls: the join link when a place is confirmed (on
registering, or on promotion from the waiting list) and the reminder the day before.
Each is rendered in the recipient's language and time zone."""

import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, unsubscribe_headers
from reminders.sending import opt_out_url


def local_start(call, user):
    zone = zoneinfo.ZoneInfo(user.time_zone or settings.TIME_ZONE)
    starts = timezone.localtime(call.starts_at, zone)
    return f"{date_format(starts, 'DATETIME_FORMAT')} ({zone.key})"


def call_email(registration, template, subject, opt_out=False):
    call, user = registration.call, registration.user
    with in_language(user):
        course = call.course
        link = page_link(course) + course.reverse_subpage("call", kwargs={"call_id": call.pk})
        subject = subject % {"call": call.title}
        context = {
            "recipient": user,
            "call": call,
            "course": course,
            "starts": local_start(call, user),
            "link": link,
        }
        if not opt_out:
            return build_email(user.email, subject, f"calls/email/{template}", context)
        context["opt_out_url"] = url = opt_out_url(user)
        return build_email(
            user.email, subject, f"calls/email/{template}", context, unsubscribe_headers(url)
        )


def confirmation_email(registration):
    return call_email(registration, "confirmed", _("Your place on “%(call)s”"))


def reminder_email(registration):
    return call_email(registration, "reminder", _("Tomorrow: “%(call)s”"), opt_out=True)
