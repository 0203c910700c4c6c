"""The one rule for the zone a page's times are shown in: the reader's own zone if they
chose one (set on the request by home's time-zone middleware), else the venue's, and the
page names it either way. Without a venue, Django's current zone (the site's)."""

from django.utils import timezone

READER_ZONE_ATTRIBUTE = "reader_time_zone"


def reader_zone(request, venue_zone=None):
    """A `zoneinfo.ZoneInfo`: the reader's chosen zone, else `venue_zone`, else the
    current one."""
    chosen = getattr(request, READER_ZONE_ATTRIBUTE, None) if request is not None else None
    return chosen or venue_zone or timezone.get_current_timezone()
