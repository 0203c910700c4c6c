"""With REDIS_URL, what several hosts must share lives in a real Redis: the page cache
and its generation, rate-limit counters, and sessions (cached_db, so a lost Redis signs
nobody out). Skipped only where the redis-server binary is missing (a failure with
REQUIRE_REDIS_TESTS=1, as in CI, whose .ci/run installs it)."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.test import override_settings

from core.throttle import allow
from tests.home.test_settings import manage

REDIS_SERVER = shutil.which("redis-server")
MISSING = "redis-server is not installed (apt-get install redis-server)"
if not REDIS_SERVER and os.environ.get("REQUIRE_REDIS_TESTS") == "1":
    raise RuntimeError(f"REQUIRE_REDIS_TESTS=1 but {MISSING}")
pytestmark = pytest.mark.skipif(not REDIS_SERVER, reason=MISSING)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    import redis

    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:  # wait for it to listen: a start-up wait, not a timed assertion
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.fixture
def raw_redis(redis_url, settings):
    """The Redis, empty, and the site's settings as REDIS_URL makes them."""
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        },
        "state": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "state",
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return client


def keys(client, pattern):
    return sorted(key.decode() for key in client.keys(pattern))


def test_redis_url_moves_caches_and_sessions_to_redis(redis_url):
    code = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.CACHES['state']['LOCATION'], "
        "settings.SESSION_ENGINE)"
    )
    result = manage("shell", "-c", code, env={"REDIS_URL": redis_url})
    printed = result.stdout.strip().splitlines()[-1]
    assert printed == (
        f"django.core.cache.backends.redis.RedisCache {redis_url} "
        "django.contrib.sessions.backends.cached_db"
    ), result.stderr
    result = manage("shell", "-c", code, env={"REDIS_URL": ""})
    assert "FileBasedCache" in result.stdout and "backends.cached_db" in result.stdout


def test_anonymous_pages_and_their_generation_live_in_redis(client, raw_redis, home_page):
    assert client.get("/").status_code == 200
    assert len(keys(raw_redis, ":1:anon-page-cache:*")) == 1
    generation = int(raw_redis.get("state:1:anon-page-cache:generation"))
    home_page.hero_text = "Workshop 2 opens on Monday"
    home_page.save_revision().publish()
    assert int(raw_redis.get("state:1:anon-page-cache:generation")) > generation
    assert "Workshop 2 opens on Monday" in client.get("/").content.decode()


def test_rate_limit_counters_are_shared_through_redis(raw_redis):
    assert [allow("test", "amina@example.org", (2, 3600)) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    (counter,) = keys(raw_redis, "state:1:throttle:test:*")
    assert raw_redis.get(counter) == b"3"


@override_settings(AXES_ENABLED=False)
def test_sessions_are_read_from_redis_and_survive_its_loss(client, raw_redis, user):
    client.force_login(user)
    assert len(keys(raw_redis, ":1:django.contrib.sessions.cached_db*")) == 1
    raw_redis.flushdb()  # Redis restarted empty: the database still has the session
    response = client.get("/dashboard/")
    assert response.status_code == 200 and "Parveen Participant" in response.content.decode()
