import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


# C0 controls but tab, newline and carriage return, plus DEL and the C1 controls: XML 1.0
# refuses most of them, and none means anything in text people type.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same plus tab and line breaks, which one-line text (a title, a name) has no use for.
LINE_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")


def control_character(text, multiline=True):
    """The first control character in `text` as "U+001B", or None. Tab, CR and LF count
    only in one-line text."""
    pattern = CONTROL_CHARACTERS if multiline else LINE_CONTROL_CHARACTERS
    found = pattern.search(str(text or ""))
    return found and f"U+{ord(found.group()):04X}"


def _reject(text, multiline):
    if code := control_character(text, multiline):
        raise ValidationError(
            _(
                "This text contains an invisible control character (%(code)s), often left "
                "by copying from another program. Remove it and try again."
            ),
            params={"code": code},
            code="control_character",
        )


def reject_control_characters(text):
    """Multi-line text: tab and line breaks are fine, other control characters are not.
    Stored, they break the XML of the feeds and the look of pages and exports."""
    _reject(text, multiline=True)


def reject_line_control_characters(text):
    """One-line text: no control character at all, tab and line breaks included."""
    _reject(text, multiline=False)


def strip_control_characters(text):
    """`text` without control characters (tab and newlines kept), for output that must
    stay well-formed (the RSS feed) whatever was stored."""
    return CONTROL_CHARACTERS.sub("", str(text or ""))
