from django import template

from courses.choices import AgendaItemKind

register = template.Library()


@register.filter
def agenda_kind(value):
    """The label of an agenda item's kind, such as “Small group”."""
    try:
        return AgendaItemKind(value).label
    except ValueError:
        return ""
