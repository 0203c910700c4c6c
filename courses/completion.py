"""Completing a course: the rule, and the `course_completed` signal.

The rule: every live module of the course complete, and every criterion that other
apps contribute through the `course_completion_criteria` hook met (attendance adds
"every day of every workshop marked attendance required attended"). It is checked when
a module is marked complete and when a feature says its criterion may now be met
(`complete_if_done`), never undone: a completed enrolment keeps its status and its
first completion date.
"""

from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.dispatch import Signal
from django.utils import timezone
from wagtail import hooks

from courses import access
from courses.choices import EnrolmentRole, EnrolmentStatus
from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage

# Sent once per course and batch of newly completed participants: course, user_ids.
course_completed = Signal()


def complete_if_done(page, user_ids):
    """Check the course that `page` (a module, workshop or other course page) belongs to."""
    course = CoursePage.objects.ancestor_of(page).first()
    if course is not None:
        update_completions(course, user_ids)


def modules_criterion(course, user_ids):
    """The users among `user_ids` who completed every live module, or None (no modules)."""
    modules = set(ModulePage.objects.child_of(course).live().values_list("pk", flat=True))
    if not modules:
        return None
    completed = ModuleCompletion.objects.filter(user_id__in=user_ids, module_id__in=modules)
    done = {}
    for user_id, module_id in completed.values_list("user_id", "module_id"):
        done.setdefault(user_id, set()).add(module_id)
    return {user_id for user_id in user_ids if done.get(user_id, set()) >= modules}


def update_completions(course, user_ids):
    """Mark complete the active participants among `user_ids` who meet every criterion.
    A fixed number of queries per criterion, however many users, modules and workshops."""
    course = access.original(course)  # enrolments and completions are kept there
    enrolments = Enrolment.objects.filter(
        course=course,
        user_id__in=user_ids,
        role=EnrolmentRole.PARTICIPANT,
        status=EnrolmentStatus.ACTIVE,
    )
    candidates = set(enrolments.values_list("user_id", flat=True))
    if not candidates:
        return
    criteria = [modules_criterion, *hooks.get_hooks("course_completion_criteria")]
    met = [found for found in (c(course, candidates) for c in criteria) if found is not None]
    if not met:
        return  # nothing to complete: such a course is not a course one completes
    finished = sorted(set.intersection(*met))
    if finished:
        enrolments.filter(user_id__in=finished).update(
            status=EnrolmentStatus.COMPLETED,
            completed_at=Coalesce("completed_at", timezone.now()),
        )
        course_completed.send(sender=CoursePage, course=course, user_ids=finished)


def learning_hours(enrolment):
    """Hours of the completed live modules plus what the `course_learning_hours` hook
    adds (attendance: the workshop days attended), to one decimal."""
    course, user = enrolment.course, enrolment.user
    minutes = ModuleCompletion.objects.filter(
        user=user, module__in=ModulePage.objects.child_of(course).live()
    ).aggregate(total=Sum("module__estimated_minutes"))["total"]
    added = sum(fn(course, user) for fn in hooks.get_hooks("course_learning_hours"))
    return round((minutes or 0) / 60 + added, 1)
