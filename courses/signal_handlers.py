"""Receivers of courses, connected in CoursesConfig.ready()."""

from courses.completion import complete_if_done


def check_completion_on_module(sender, instance, created, raw=False, **kwargs):
    """A new module completion may complete the course (in the same transaction as the
    row that triggered it)."""
    if created and not raw:
        complete_if_done(instance.module, [instance.user_id])
