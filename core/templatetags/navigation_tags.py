from django import template

from core.caching import remembered

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, include_self=False):
    """`{% breadcrumbs page %}`: links to the page's live ancestors below the site's home
    page (depth > 2 skips Wagtail's root and the home page), in tree order, in one query.
    With `include_self=True` the page itself is the last link, for views below a page
    (a workshop's attendance checklist, an evaluation's results). Remembered until
    something is published."""
    if page is None:
        return {"crumbs": []}
    ancestors = lambda: list(page.get_ancestors().live().filter(depth__gt=2))  # noqa: E731
    crumbs = remembered(f"ancestors:{page.pk}", ancestors) if page.pk else ancestors()
    if include_self:
        crumbs.append(page)
    return {"crumbs": crumbs, "request": context.get("request")}
