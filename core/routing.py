"""Routes that apps add below the pages of another app, served by Wagtail's routable
pages: the one way a feature's views live below a page.

A page class that mixes in `ContributedRoutesMixin` (before `RoutablePageMixin`) serves
the `PageRoute`s that `register_page_routes` hook functions return for it (a route
applies to its `page_model` and that model's subclasses), then its own `@path` routes.
A route's view is called as `view(request, page, **kwargs)`; its URL is
`page.url + page.reverse_subpage(name)` (`{% routablepageurl page name %}`).

A route's first path segment is reserved: a child page with that slug would be
unreachable. `ReservedSlugsMixin` refuses such slugs in the editor, and
`courses.checks` reports existing clashes.

Wagtail serves only paths that end in “/”; file-like routes (`calendar.ics`,
`attendance.csv`) are handed to it by the `FILE_ROUTE_PATTERN` URL pattern and
declared with `file_route("calendar.ics")`.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

# Paths that end in a file name rather than “/”, for the URLconf to hand to Wagtail.
FILE_ROUTE_PATTERN = r"^((?:[\w\-]+/)+[\w\-]+\.(?:ics|csv))$"


@dataclass(frozen=True)
class PageRoute:
    page_model: type
    pattern: str  # a django.urls.path() route, or a regex made by file_route()
    view: Any
    name: str

    def url_pattern(self):
        view = self.view

        def page_view(page, request, *args, **kwargs):  # Wagtail binds it to the page
            return view(request, page, *args, **kwargs)

        if self.pattern.startswith("^"):
            return re_path(self.pattern, page_view, name=self.name)
        return path(self.pattern, page_view, name=self.name)


def file_route(filename):
    """The pattern of a route that ends in a file name, e.g. “calendar.ics”: Wagtail
    hands it to the page as “calendar.ics/”, and it reverses without the slash."""
    return rf"^{re.escape(filename)}/?$"


def contributed_routes(page_class):
    return [
        route
        for routes in hooks.get_hooks("register_page_routes")
        for route in routes()
        if issubclass(page_class, route.page_model)
    ]


class ContributedRoutesMixin:
    @classmethod
    def get_subpage_urls(cls):
        contributed = [route.url_pattern() for route in contributed_routes(cls)]
        return (*contributed, *super().get_subpage_urls())


def route_slug(url_pattern):
    """The first path segment of a route: `attendance/` → attendance,
    `file_route("attendance.csv")` → attendance.csv."""
    return str(url_pattern.pattern).lstrip("^").split("/")[0].replace("\\", "").rstrip("?$")


def reserved_slugs(page_class):
    """Slugs a child page of `page_class` may not take: its routes' first segments."""
    if not hasattr(page_class, "get_subpage_urls"):
        return set()
    return {route_slug(url) for url in page_class.get_subpage_urls()} - {""}


class ReservedSlugsMixin:
    """For child pages of routable pages: refuse a slug that a route of one of the
    parent types takes, since the route would hide the page."""

    @classmethod
    def reserved_slugs(cls):
        return set().union(*(reserved_slugs(p) for p in cls.clean_parent_page_models()))

    def clean(self):
        super().clean()
        if self.slug in self.reserved_slugs():
            message = _("“%(slug)s” is reserved for a link of the page above; choose another slug.")
            raise ValidationError({"slug": message % {"slug": self.slug}})
