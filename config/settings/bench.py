"""Benchmarks (`make bench`): the production settings, served over plain HTTP on loopback.

Everything that shapes a response's cost stays as in production (DEBUG off, whitenoise's
compressed manifest storage, middleware, templates, cache); only what needs HTTPS or a
real host name is relaxed. The database is bench/bench.sqlite3 unless DATABASE_URL is set.
"""

import os

# production refuses to start without a key; this one signs nothing outside the bench.
os.environ.setdefault("SECRET_KEY", "bench-only-key-never-used-for-a-real-site-0123456789")

from .production import *  # noqa: E402, F403
from .production import BASE_DIR, CACHES, DATABASE_URL, DATABASES  # noqa: E402

ALLOWED_HOSTS = ["127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# bench/urls.py adds the floor, a view that returns "ok", in front of the site's URLs.
ROOT_URLCONF = "bench.urls"
STATIC_ROOT = BASE_DIR / "bench" / "static"
# bench/growth.py names databases of its own (growth-1, growth-10), each with its cache.
BENCH_NAME = os.environ.get("BENCH_NAME", "bench")
if not DATABASE_URL:
    DATABASES["default"]["NAME"] = str(BASE_DIR / "bench" / f"{BENCH_NAME}.sqlite3")
# A cache of its own, emptied by each run, unless REDIS_URL names a shared one.
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    cache = BASE_DIR / "bench" / ("cache" if BENCH_NAME == "bench" else f"cache-{BENCH_NAME}")
    CACHES["default"]["LOCATION"] = str(cache)
    CACHES["state"]["LOCATION"] = str(cache / "state")
# `make cluster` counts the emails its worker sends in files.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
