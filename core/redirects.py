"""The one test of whether a redirect target stays on this site.

Browsers are generous readers of a Location header: they drop tabs and newlines, read
a backslash as a slash, and resolve "." and ".." segments (also spelled %2e), so
"/\\evil.example", "/\t/evil.example" and "/.//evil.example" all lead to another
host, directly or through the next redirect. Only plain absolute paths pass.
"""

from django.utils.http import url_has_allowed_host_and_scheme

DOT_SEGMENTS = {".", "..", "%2e", "%2e%2e", ".%2e", "%2e."}


def is_local_path(url):
    """True when every browser reads `url` as a path on the current host."""
    if not url.startswith("/") or "\\" in url:
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in url):
        return False
    path = url.split("?", 1)[0].split("#", 1)[0]
    if "//" in path or any(segment.lower() in DOT_SEGMENTS for segment in path.split("/")):
        return False
    return url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def local_or(url, fallback):
    """`url` when it stays on the site, else `fallback`."""
    return url if is_local_path(url) else fallback
