"""Test suite: fast hashing, plain static storage, a local-memory cache and outbox."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "state": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "state"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Emails are sent as soon as they are queued; the outbox's own tests run the database
# backend and its worker (tests/core/test_outbox.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploads made by tests (demo documents, images) go to a throwaway folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lms-test-media-"))
# Query counts and freshness are asserted on what a page costs to render; the readers'
# own copies have their tests (tests/home/test_reader_cache.py).
READER_CACHE_SECONDS = 0
