"""Consultation calls: each occurrence's attendance, and the case-presentation offers
that participants make and facilitators decide. Offers are private to the person who
made them, their team, and the course's facilitators and editors (`visible_offers`)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from calls.choices import OfferStatus
from calls.models import CaseOffer, ConsultationAttendance
from courses import access
from courses.choices import EnrolmentRole
from teams import access as team_access
from teams.models import TeamMember


class DuplicateOffer(Exception):
    """The person already offered a case for this occurrence."""


def participants_of(course):
    return access.members(course, EnrolmentRole.PARTICIPANT).order_by("display_name", "username")


def attended_ids(series, day):
    return set(
        ConsultationAttendance.objects.filter(series=series, date=day).values_list(
            "user_id", flat=True
        )
    )


def save_attendance(series, day, user_ids, allowed_ids, recorded_by):
    """Make the occurrence's attendance exactly `user_ids`; someone not on the list is a
    forged form: ValueError, nothing saved."""
    if set(user_ids) - set(allowed_ids):
        raise ValueError(user_ids)
    with transaction.atomic():
        stored = ConsultationAttendance.objects.filter(series=series, date=day)
        stored.exclude(user_id__in=user_ids).delete()
        existing = set(stored.values_list("user_id", flat=True))
        ConsultationAttendance.objects.bulk_create(
            ConsultationAttendance(series=series, date=day, user_id=uid, recorded_by=recorded_by)
            for uid in set(user_ids) - existing
        )


def team_mate_ids(user, course):
    """Ids of the people in the user's teams of the course (the user included)."""
    teams = team_access.memberships(user, course)
    rows = TeamMember.objects.filter(team_id__in=teams, user__isnull=False)
    return set(rows.values_list("user_id", flat=True)) | {user.pk}


def visible_offers(user, series, course, day=None):
    offers = CaseOffer.objects.filter(series=series).select_related("user")
    if day is not None:
        offers = offers.filter(date=day)
    if access.can_facilitate(user, course):
        return offers
    return offers.filter(user_id__in=team_mate_ids(user, course))


def make_offer(offer):
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError as error:
        raise DuplicateOffer from error
    return offer


def decide(offer, status, by):
    offer.status = status
    offer.decided_by, offer.decided_at = by, timezone.now()
    offer.save(update_fields=["status", "decided_by", "decided_at"])


DECISIONS = {OfferStatus.APPROVED.value, OfferStatus.DECLINED.value}
