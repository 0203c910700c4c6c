"""Receivers of attendance, connected in AttendanceConfig.ready()."""

from courses.completion import complete_if_done


def check_completion_on_attendance(sender, instance, created, raw=False, **kwargs):
    """A new attendance row may complete the course (in the same transaction)."""
    if created and not raw:
        complete_if_done(instance.workshop, [instance.user_id])
