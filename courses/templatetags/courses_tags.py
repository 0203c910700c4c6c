from datetime import datetime

from django import template
from django.utils import timezone

from core.caching import remembered
from courses.choices import AgendaItemKind
from forums.models import Forum

register = template.Library()


@register.filter
def agenda_kind(value):
    """The label of an agenda item's kind, such as “Small group”."""
    try:
        return AgendaItemKind(value).label
    except ValueError:
        return ""


@register.simple_tag
def course_forum(course):
    """The course's own forum (created when the course is first published), or None;
    remembered until something is published (forums are snippets)."""
    return remembered(
        f"course-forum:{course.translation_key}",
        lambda: Forum.objects.filter(page__translation_key=course.translation_key).first(),
    )


@register.simple_tag
def venue_moment(workshop, day, clock):
    """The moment an agenda item starts or ends: its day and clock time at the venue."""
    if day is None or clock is None:
        return None
    zone = getattr(workshop, "zone", None) or timezone.get_current_timezone()  # block preview
    return datetime.combine(day, clock, tzinfo=zone)
