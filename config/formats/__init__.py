"""One date format per language, used everywhere through `DATE_FORMAT` and
`DATETIME_FORMAT` (FORMAT_MODULE_PATH): "31 December 2026" and "31 December 2026, 23:59"
in English rather than Django's US "Dec. 31, 2026, 11:59 p.m."; Arabic, Persian and
Urdu write the same order with their own comma "،". Digits stay Western (0–9) in every
language, as Django renders them."""
