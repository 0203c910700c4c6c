"""What every page request reads and every reader shares, kept in the state cache under
the page cache's generation: the site, its settings and which page a path leads to.
Publishing or moving a page and saving a site or the site settings start a new
generation, so a copy from before a change is never read."""

from django.apps import apps
from django.http import Http404
from django.utils import translation
from wagtail.models import Site

from core.caching import REMEMBERED_LIFETIME, remembered, remembered_key, state_cache


def site_for_request(request):
    """`Site.find_for_request`, found once per generation rather than once per request
    (Wagtail reads `request._wagtail_site` first, so its own lookups find it too)."""
    if not hasattr(request, "_wagtail_site"):
        # get_host() is checked against ALLOWED_HOSTS, so visitors cannot add keys.
        host = f"{request.get_host()}|{request.get_port()}"
        request._wagtail_site = remembered(f"site:{host}", lambda: Site._find_for_request(request))
    return request._wagtail_site


def route_name(site, path):
    # Joined components: "/a//b/" and "/a/b/" are one key, so visitors cannot add keys.
    components = "/".join(component for component in path.split("/") if component)
    return f"route:{site.pk}:{translation.get_language()}:{components}"


def route_from_cache(request, site, path):
    """Route the request from the page its path led to before, in one query rather than
    two per level of the tree; the page routes what follows it (a routable page's own
    views). Sets `request._wagtail_route_for_request`, which Wagtail's `serve` reads."""
    found = state_cache().get(remembered_key(route_name(site, path)))
    if found is None:
        return
    label, pk, depth = found
    page = apps.get_model(label).objects.select_related("locale").filter(pk=pk).first()
    if page is None:
        return
    rest = [component for component in path.split("/") if component][depth:]
    try:
        request._wagtail_route_for_request = page.route(request, rest)
    except Http404:
        del request._wagtail_route_for_request  # Wagtail routes it from the root


def remember_route(request, site, path):
    route = getattr(request, "_wagtail_route_for_request", None)
    if route is not None:
        page = route.page
        depth = page.depth - site.root_page.depth  # path components the page took
        found = (page._meta.label, page.pk, depth)
        state_cache().set(remembered_key(route_name(site, path)), found, REMEMBERED_LIFETIME)
