"""A course's timeline: which phase is today's, and the next milestone to announce.

"Today" is the reader's day (core.timezones.reader_zone): a phase that ends on
31 January is still open in Karachi when it is already over in London. A course and
its translations share one timeline, the original (default-language) page's, as they
share one programme.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.caching import remembered
from core.timezones import reader_zone
from courses.choices import PhaseKind
from courses.models import CoursePhase


def reader_today(request):
    return timezone.now().astimezone(reader_zone(request)).date()


def phases_of(courses):
    """{course id: [phases in date order]} of the courses' originals, in one query."""
    keys = {course.translation_key for course in courses}
    phases = CoursePhase.objects.filter(
        page__translation_key__in=keys, page__locale__language_code=settings.LANGUAGE_CODE
    ).annotate(key=F("page__translation_key"))
    by_key = {}
    for phase in phases.order_by("starts_on", "ends_on"):
        by_key.setdefault(phase.key, []).append(phase)
    return {course.pk: by_key.get(course.translation_key, []) for course in courses}


def course_phases(course, request):
    """The course page's phases: the edited ones in a preview, else the original's."""
    if getattr(request, "is_preview", False) or not course.pk:
        return list(course.phases.all())
    return remembered(f"course-phases:{course.pk}", lambda: phases_of([course])[course.pk])


@dataclass
class TimelineEntry:
    phase: object
    state: str  # "past", "current" or "future"

    @property
    def is_current(self):
        return self.state == "current"


def dated(phases):
    return sorted(phases, key=lambda phase: (phase.starts_on, phase.ends_on))


def timeline(phases, today):
    """Every phase in date order, each marked past, current or future."""
    return [
        TimelineEntry(
            phase,
            "past" if phase.ends_on < today else "future" if phase.starts_on > today else "current",
        )
        for phase in dated(phases)
    ]


def next_milestone(phases, today):
    """One sentence for the course's card: the phase under way and when it ends, else
    the next phase and when it starts; None when every phase is over."""
    for phase in dated(phases):
        day = formats.date_format(phase.ends_on if phase.starts_on <= today else phase.starts_on)
        if phase.starts_on <= today <= phase.ends_on:
            if phase.kind == PhaseKind.APPLICATIONS and not phase.title:
                return _("Applications open until %(date)s") % {"date": day}
            return _("%(phase)s until %(date)s") % {"phase": phase.label, "date": day}
        if phase.starts_on > today:
            if phase.kind == PhaseKind.APPLICATIONS and not phase.title:
                return _("Applications open on %(date)s") % {"date": day}
            return _("%(phase)s from %(date)s") % {"phase": phase.label, "date": day}
    return None
