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


def strip_control_characters(text):
    """`text` without control characters (tab and newlines kept), for output that must
    stay well-formed (the RSS feed) whatever was stored."""
    return CONTROL_CHARACTERS.sub("", str(text or ""))
