"""Settings shared by every environment.

Every value that differs between deployments is read from the environment here, in one
place; `.env.example` lists them. Defaults are the secure ones; `dev` and `test` relax them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The project's apps, top layer first (see the README's architecture section).
    "home",
    "prework",
    "improvement",
    "calls",
    "announcements",
    "evaluations",
    "attendance",
    "applications",
    "teams",
    "roster",
    "reminders",
    "courses",
    "library",
    "forums",
    "core",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.UserTimeZoneMiddleware",
    "home.middleware.PreferredLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside everything that sets the reader's user, language and time zone.
    "home.reader_cache.ReaderPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default so that `make run` needs nothing installed; DATABASE_URL
# (postgres://...) switches to PostgreSQL. WAL, a busy timeout and IMMEDIATE transactions
# let several gunicorn workers write without "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", SQLITE_OPTIONS)
# Keep connections open between requests (opening one and setting its pragmas costs more
# than a cached page), checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: files on local disk by default, shared by the gunicorn workers of one host (page
# cache generations, rate limits); REDIS_URL gives a cache shared by several hosts (needs
# the `redis` package). Two aliases (core/caching.py): `default` holds what visitors
# cause to be stored (anonymous pages) and may evict; `state` holds only the site's own
# counters, locks and generations, so no flood of requests can evict them. With Redis,
# REDIS_STATE_URL may name a separate instance (recommended: maxmemory-policy noeviction).
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_STATE_URL = os.environ.get("REDIS_STATE_URL", "") or REDIS_URL
CACHE_DIR = Path(os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "state": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_STATE_URL,
            "KEY_PREFIX": "state",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # Its own folder: culling `default` never touches it.
        "state": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "state"),
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }
# Sessions read from the cache (Redis: any host can read them), written through to the
# database, so an evicted entry or a restarted Redis signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous visitors get whole Wagtail pages from the cache for at most this long
# (home/page_cache.py); publishing anything clears it at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# A signed-in reader's own copy of a page lasts at most this long, and only until
# anything in the database changes (home/reader_cache.py); 0 turns it off.
READER_CACHE_SECONDS = int(os.environ.get("READER_CACHE_SECONDS", "60"))

AUTH_USER_MODEL = "home.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out username or address before any password is
# checked, on the site's sign-in form and Wagtail's alike; ModelBackend then checks the
# password. AxesBackend rather than AxesStandaloneBackend because it can also load users,
# which tools that take the first backend (Wagtail's test utilities) need.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/dashboard/"
LOGOUT_REDIRECT_URL = "/"

# Internationalisation: the interface languages of the collaboratives' participants.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("ur", _("Urdu")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content is translated too: editors copy a page into another locale and translate it.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "UTC"
USE_I18N = True
# One date format per language (config/formats): "31 December 2026, 23:59".
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

# Static and media files: whitenoise serves compressed, hash-named static files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads larger than this are refused with 413 rather than read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP settings come from the environment; dev uses the console backend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Learning Collaborative <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every email is a task (core/outbox.py) on the `email` backend: django-tasks-db, a table
# that `manage.py db_worker` works through (SQLite or PostgreSQL). A failed send is tried
# again EMAIL_RETRY_SECONDS later, four times longer each time, EMAIL_MAX_ATTEMPTS in all.
# Wagtail's own tasks (the reference index that private documents rely on) stay on
# `default`, run at once in the request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "5"))
EMAIL_RETRY_SECONDS = int(os.environ.get("EMAIL_RETRY_SECONDS", "30"))

# The apps' own settings (the README's configuration table lists them).
# Forum posts per user: "<posts>/<seconds>"; the same post again within N seconds is refused.
FORUMS_POST_RATE = os.environ.get("FORUMS_POST_RATE", "5/60")
FORUMS_DUPLICATE_SECONDS = int(os.environ.get("FORUMS_DUPLICATE_SECONDS", "10"))
# Days an emailed invitation to a core-team member stays valid.
APPLICATIONS_INVITATION_DAYS = int(os.environ.get("APPLICATIONS_INVITATION_DAYS", "14"))
# Reminders that fell due longer ago than the catch-up window are skipped, not sent late.
REMINDERS_CATCH_UP = timedelta(hours=int(os.environ.get("REMINDERS_CATCH_UP_HOURS", "48")))
# The day of the month by which teams report the month before; from that day their data
# contacts get one late-data email (improvement).
IMPROVEMENT_DATA_DUE_DAY = int(os.environ.get("IMPROVEMENT_DATA_DUE_DAY", "10"))
# Days before a learning session that team leaders are reminded of their storyboard.
IMPROVEMENT_STORYBOARD_REMINDER_DAYS = int(
    os.environ.get("IMPROVEMENT_STORYBOARD_REMINDER_DAYS", "14")
)
# The snippet that library resources name as authors (app_label.Model).
LIBRARY_PERSON_MODEL = os.environ.get("LIBRARY_PERSON_MODEL", "home.Person")

# Sign-in throttling (django-axes): this many wrong passwords for one username, or from
# one address, lock that username or address out for AXES_COOLOFF_MINUTES; a right
# password clears the count. Behind N reverse proxies set TRUSTED_PROXY_COUNT=N so that the
# client's address is read from X-Forwarded-For.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"


def env_rate(name, default):
    """A "count/seconds" rate from the environment, as (count, seconds)."""
    count, seconds = os.environ.get(name, default).split("/")
    return int(count), int(seconds)


# Password-reset and sign-up requests, per address and per client IP ("count/seconds"),
# counted in the "state" cache alias, which visitors cannot fill.
ACCOUNTS_RESET_PER_ADDRESS = env_rate("ACCOUNTS_RESET_PER_ADDRESS", "3/3600")
ACCOUNTS_RESET_PER_IP = env_rate("ACCOUNTS_RESET_PER_IP", "10/3600")
ACCOUNTS_SIGNUP_PER_ADDRESS = env_rate("ACCOUNTS_SIGNUP_PER_ADDRESS", "3/3600")
ACCOUNTS_SIGNUP_PER_IP = env_rate("ACCOUNTS_SIGNUP_PER_IP", "10/3600")

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail lets its own preview panel frame pages despite DENY.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Browser features no page of the site uses (home.middleware.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
# Content-Security-Policy (home.middleware.SecurityHeadersMiddleware). The site's pages
# run no inline script or style (tests/security/test_csp.py scans them): only the site's
# own files, and the video players of embeds in frames. Wagtail's admin needs inline
# scripts and styles, so /admin/ alone is relaxed.
CSP_EMBED_ORIGINS = env_list(
    "CSP_EMBED_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        f"frame-src 'self' {' '.join(CSP_EMBED_ORIGINS)}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
CONTENT_SECURITY_POLICY_ADMIN = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        f"frame-src 'self' {' '.join(CSP_EMBED_ORIGINS)}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Learning Collaborative")
# No Gravatar: the admin shows initials avatars (core.wagtail_hooks), which need no
# connection and tell no other service who is signed in.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every download goes through Wagtail's view, where core.documents keeps the documents of
# members-only content to those who may read it. Never serve MEDIA_ROOT/documents/
# directly (nginx, a public bucket).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_USER_CUSTOM_FIELDS = ["display_name", "organisation", "country"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
