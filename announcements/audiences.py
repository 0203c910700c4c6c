"""Who gets an announcement: listed as deliveries when its default-language page is
published, and told in the forums notification centre if they have an account.
Publishing again lists only people not yet listed (the deliveries' and notifications'
unique constraints), so nobody gets it twice and newcomers to the audience get it too."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

from announcements.choices import Audience
from announcements.models import Delivery, OptOut, Subscriber
from applications.choices import ApplicationStatus
from applications.models import Application
from courses import access
from forums.choices import NotificationKind
from forums.page_notifications import notify_page
from teams.choices import TeamStatus
from teams.models import TeamMember


def subscribers(announcement):
    return Subscriber.objects.values_list("email", "language")


def course_members(announcement):
    if announcement.course is None:
        return []
    users = access.members(announcement.course).filter(is_active=True)
    return users.values_list("email", "preferred_language")


def team_leaders(announcement):
    leaders = TeamMember.objects.filter(is_senior_leader=True, team__status=TeamStatus.ACTIVE)
    if announcement.course is not None:
        leaders = leaders.filter(team__course__translation_key=announcement.course.translation_key)
    rows = leaders.values_list("email", "user__email", "user__preferred_language")
    # An invited leader who has no account yet is written to at the invited address.
    return [(user_email or email, language or "") for email, user_email, language in rows]


def applicants(announcement):
    applications = Application.objects.exclude(status=ApplicationStatus.WITHDRAWN)
    if announcement.course is not None:
        applications = applications.filter(
            course__translation_key=announcement.course.translation_key
        )
    return applications.values_list("applicant__email", "applicant__preferred_language")


AUDIENCES = {
    Audience.SUBSCRIBERS: subscribers,
    Audience.COURSE_MEMBERS: course_members,
    Audience.TEAM_LEADERS: team_leaders,
    Audience.APPLICANTS: applicants,
}


def recipients(announcement):
    """{lower-cased address: language} of the audience, without unsubscribed addresses."""
    opted_out = {email.lower() for email in OptOut.objects.values_list("email", flat=True)}
    found = {}
    for email, language in AUDIENCES[announcement.audience](announcement):
        key = (email or "").strip().lower()
        if key and key not in opted_out:
            found.setdefault(key, language or settings.LANGUAGE_CODE)
    return found


def list_recipients(sender, instance, **kwargs):
    """`page_published` receiver: list the deliveries of a default-language announcement
    (a translation is a language version of it, not another announcement)."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    found = recipients(instance)
    Delivery.objects.bulk_create(
        [
            Delivery(announcement=instance, email=email, language=language)
            for email, language in found.items()
        ],
        ignore_conflicts=True,
    )
    account_holders = get_user_model().objects.annotate(address=Lower("email"))
    account_holders = account_holders.filter(address__in=list(found), is_active=True)
    notify_page(account_holders, NotificationKind.ANNOUNCEMENT, instance)
