"""Ids from URLs and forms, range-checked before they reach the database.

SQLite raises OverflowError (a 500) for an integer beyond 64 bits, such as
`module=99999999999999999999999`. Every id taken from a request goes through `parse_id`
or the `id` path converter (`<id:pk>`), so an impossible id is simply "no such thing":
400 from a form, 404 from a URL.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest BigAutoField value on every supported database


def parse_id(raw):
    """The id `raw` names, or None when it is not a positive integer in range."""
    raw = str(raw or "")
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None


class IdConverter:
    """`<id:name>`: like `<int:name>`, but out-of-range numbers do not match (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        parsed = parse_id(value)
        if parsed is None:
            raise ValueError(value)
        return parsed

    def to_url(self, value):
        return str(value)


def register():
    register_converter(IdConverter, "id")
