"""Settings for `make load` (bench/load.py): the bench settings with two changes.

- FORUMS_POST_RATE (default here "100000/60", or from the environment): a handful of
  accounts reply as fast as the load drives them; the limit itself is tested in
  tests/forums and would only turn the load's replies into 429s.
- Emails are rendered but not sent (Django's dummy backend): the bench machine has no
  mail server, and each reply notifies the topic's followers.
"""

import os

from config.settings.bench import *  # noqa: F403

FORUMS_POST_RATE = os.environ.get("FORUMS_POST_RATE", "100000/60")
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
