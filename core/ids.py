"""Ids from URLs and forms, range-checked before they reach the database.

SQLite raises OverflowError (a 500) for an integer beyond 64 bits, such as
`module=99999999999999999999999`. Every id taken from a request goes through `parse_id`
or the `id` path converter (`<id:pk>`), so an impossible id is simply "no such thing":
400 from a form, 404 from a URL.
"""

import secrets

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest BigAutoField value on every supported database
# 53 bits: unguessable and collision-free in practice, and exact in JavaScript numbers.
ANONYMOUS_PK_RANGE = 2**53


def parse_id(raw):
    """The id `raw` names, or None when it is not a positive integer in range."""
    raw = str(raw or "")
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None


def random_anonymous_pk(model, taken=()):
    """A random id in -1 … -2^53 for a row that must not be linked to a person by its id
    or its order (anonymous answers and votes), not in `taken` nor stored."""
    while True:
        pk = -1 - secrets.randbelow(ANONYMOUS_PK_RANGE)
        if pk not in taken and not model.objects.filter(pk=pk).exists():
            return pk


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
