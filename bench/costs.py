"""What a page costs inside Django, one request at a time: SQL queries and server time,
without the network or gunicorn. Needs Django set up with the bench settings."""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from home.models import User

HOST = "127.0.0.1"
WARM_UP = 3
REPEATS = 20


@dataclass
class Cost:
    queries: list
    milliseconds: float

    def tables(self):
        """The main table of each query, in order: where a page's queries go."""
        return [re.search(r'FROM "?(\w+)', sql).group(1) for sql in self.queries]


def session_cookies(usernames):
    """A signed-in session for each demo account, as a Cookie header value."""
    cookies = {}
    for username in usernames:
        client = Client(HTTP_HOST=HOST)
        client.force_login(User.objects.get(username=username))
        name = settings.SESSION_COOKIE_NAME
        cookies[username] = f"{name}={client.cookies[name].value}"
    return cookies


def measure(path, cookie=None):
    """The page's Cost once warm, as served (from the anonymous page cache, or the
    reader's own copy, when it holds the page) and as rendered (with both caches'
    lifetimes at 0); None unless 200."""
    with override_settings(PAGE_CACHE_SECONDS=0, READER_CACHE_SECONDS=0):  # nothing cached
        rendered = _measure(path, cookie)
    served = _measure(path, cookie)
    return served and rendered and (served, rendered)


def _measure(path, cookie):
    client = Client(HTTP_HOST=HOST)
    if cookie:
        client.cookies.load(cookie)
    # Warm up: the first requests of a process fill Django's and Wagtail's own caches.
    if any(client.get(path).status_code != 200 for _ in range(WARM_UP)):
        return None
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    # Copied now: the next request clears the connection's query log.
    queries = [query["sql"] for query in captured.captured_queries]
    start = time.perf_counter()
    for _ in range(REPEATS):
        client.get(path)
    return Cost(queries, (time.perf_counter() - start) / REPEATS * 1000)
