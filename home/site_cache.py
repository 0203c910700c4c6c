"""The site and its settings, which every request reads, kept in the state cache under
the page cache's generation: publishing or moving a page and saving a site or the site
settings start a new generation, so a copy from before a change is never read."""

from django.db.models.signals import post_save
from wagtail.models import Site

from core.caching import state_cache
from home import page_cache


def remembered(name, build):
    """`build()`'s value for this generation of the site's pages and settings."""
    key = f"site-cache:{page_cache.generation()}:{name}"
    value = state_cache().get(key)
    if value is None:
        value = build()
        # A day: the keys of old generations go by themselves.
        state_cache().set(key, value, timeout=24 * 60 * 60)
    return value


def site_for_request(request):
    """`Site.find_for_request`, found once per generation rather than once per request
    (Wagtail reads `request._wagtail_site` first, so its own lookups find it too)."""
    if not hasattr(request, "_wagtail_site"):
        # get_host() is checked against ALLOWED_HOSTS, so visitors cannot add keys.
        host = f"{request.get_host()}|{request.get_port()}"
        request._wagtail_site = remembered(f"site:{host}", lambda: Site._find_for_request(request))
    return request._wagtail_site


def give_site_its_settings(sender, instance, **kwargs):
    """Settings made with the site, not by the first request to read them: that would
    start a new generation and throw the first copies away."""
    from home.models import SiteSettings

    SiteSettings.objects.get_or_create(site=instance)


def connect_signals():
    post_save.connect(give_site_its_settings, sender=Site, dispatch_uid="site-gets-settings")
