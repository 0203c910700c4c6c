from django import template

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
    """The course's own forum (created when the course is first published), or None."""
    return Forum.objects.filter(page__translation_key=course.translation_key).first()
