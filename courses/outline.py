"""The course outline beside course, module, workshop and follow-up pages: the course's
modules and workshops in the editor's tree order, each with its state for the reader,
and the previous and next items of the one being read.

States: a module is "done", "locked" (its blockers say why) or "upcoming"; a workshop is
"past" once it has ended, else "upcoming". The page being read (or, for a follow-up, its
workshop) is marked current as well. Built from the programme that `courses.progress`
fetches in a fixed number of queries, whatever the number of modules and workshops;
this module itself makes none.
"""

from dataclasses import dataclass

DONE, LOCKED, UPCOMING, PAST = "done", "locked", "upcoming", "past"


@dataclass(frozen=True)
class OutlineItem:
    page: object
    kind: str  # "module" or "workshop"
    state: str
    current: bool = False
    blockers: tuple = ()


def outline_items(items, current=None):
    """OutlineItems for a `programme`; `current` is the page being read (any language)."""
    key = getattr(current, "translation_key", None)
    result = []
    for kind, item in items:
        if kind == "module":
            page = item.module
            state = DONE if item.completed else LOCKED if item.locked else UPCOMING
            extra = {"blockers": item.blockers}
        else:
            page = item
            state = PAST if item.is_over else UPCOMING
            extra = {}
        result.append(OutlineItem(page, kind, state, page.translation_key == key, **extra))
    return result


def neighbours(outline):
    """(previous item, next item) around the current one; None at either end."""
    index = next((i for i, item in enumerate(outline) if item.current), None)
    if index is None:
        return None, None
    previous = outline[index - 1] if index > 0 else None
    following = outline[index + 1] if index + 1 < len(outline) else None
    return previous, following


def with_outline(context, current):
    """Add the outline of `context["programme"]` and the neighbours of `current`."""
    outline = outline_items(context.get("programme") or [], current)
    previous, following = neighbours(outline)
    return {**context, "outline": outline, "previous_item": previous, "next_item": following}
