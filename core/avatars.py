"""Avatars: a person's initials on a colour drawn from their name, the same on the site
and in the Wagtail admin. Nothing is fetched from another service (no Gravatar), so an
avatar shows offline and on a slow connection, and tells nobody who is reading.

`COLOURS` are the backgrounds of `.avatar--0` … `.avatar--7` in the site's stylesheet,
each with white text at WCAG AA; the admin's avatars (a data: SVG) use the same list.
"""

import hashlib
from urllib.parse import quote

from django.utils.html import escape

COLOURS = ("#0b6e4f", "#1d4e89", "#7a3b69", "#8a4b08", "#44546a", "#5b3f99", "#9b2c2c", "#2f5d62")


def initials(name):
    """ "DH" for "Dr Samira Haddad": the first and last words that start with a letter."""
    words = [word for word in name.split() if word[:1].isalpha()] or [name or "?"]
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()


def colour(name):
    """The index in `COLOURS` of a name's colour: stable across processes and hosts."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(COLOURS)


def display_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def svg_data_uri(name, size=50):
    """A square SVG of the initials on their colour, as a data: URI for an <img>."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" '
        f'width="{size}" height="{size}">'
        f'<rect width="40" height="40" fill="{COLOURS[colour(name)]}"/>'
        '<text x="20" y="26" text-anchor="middle" font-family="system-ui,sans-serif" '
        f'font-size="16" font-weight="700" fill="#fff">{escape(initials(name))}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)
