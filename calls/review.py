"""What application review learns from calls (the `application_review_facts` hook):
whether the applicant or a member of the core team, matched by email, attended one of
the course's informational calls."""

from django.db.models import Q
from django.utils.translation import gettext as _

from calls.models import CallRegistration
from courses import access


def call_attendance_facts(application):
    emails = [member.email for member in application.team.all() if member.email]
    people = Q(user_id=application.applicant_id)
    for email in emails:
        people |= Q(user__email__iexact=email)
    attended = (
        CallRegistration.objects.filter(
            people, attended=True, call__course=access.original(application.course)
        )
        .select_related("call", "user")
        .order_by("call__starts_at", "user__display_name")
    )
    return [
        _("%(person)s attended the informational call “%(call)s” (%(date)s).")
        % {
            "person": row.user.get_full_name() or row.user.username,
            "call": row.call.title,
            "date": row.call.starts_at.date().isoformat(),
        }
        for row in attended
    ] or None
