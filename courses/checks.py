"""System checks for what an editor can break."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError
from wagtail.models import Page, get_page_models

from core.routing import reserved_slugs


def route_clashes():
    """[(page, route slug)] for every page whose slug a route of its parent takes."""
    taken = set().union(*(reserved_slugs(model) for model in get_page_models()))
    clashes = []
    for page in Page.objects.filter(slug__in=taken, depth__gt=1):
        parent = page.get_parent()
        if page.slug in reserved_slugs(parent.specific_class):
            clashes.append((page, page.slug))
    return clashes


@register(Tags.database)
def check_route_slugs(app_configs=None, databases=None, **kwargs):
    """A child page slugged like one of its parent's routes (certificate, attendance,
    results, calendar.ics…) cannot be reached: the route answers instead."""
    if not databases:
        return []
    try:
        clashes = route_clashes()
    except DatabaseError:  # tables not migrated yet
        return []
    return [
        Warning(
            f"The page “{page.title}” (id {page.pk}, {page.url_path}) is hidden behind "
            f"its parent's “{slug}” link.",
            hint="Give the page another slug in the Wagtail admin.",
            obj=Page,
            id="courses.W001",
        )
        for page, slug in clashes
    ]
