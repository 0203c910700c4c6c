"""The load test's HTTP side: a browser-like session (cookies, CSRF, one connection per
request as gunicorn's sync workers close them anyway) and a thread-safe record of every
request's kind, status and latency."""

import http.client
import re
import threading
import time
from collections import Counter, defaultdict
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Cut(Exception):
    """The connection failed before a whole response came back (e.g. a killed worker)."""


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)  # kind: [seconds], answered requests only
        self.statuses = defaultdict(Counter)  # kind: {status: count}
        self.unexpected = defaultdict(Counter)  # kind: {status: count} not in `expected`
        self.cut = Counter()  # kind: requests with no answer

    def answered(self, kind, status, seconds, expected):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if status not in expected:
                self.unexpected[kind][status] += 1

    def failed(self, kind):
        with self.lock:
            self.cut[kind] += 1


class Session:
    def __init__(self, port, recorder):
        self.port = port
        self.recorder = recorder
        self.cookies = {}
        self.csrf_token = ""

    def request(self, kind, method, path, form=None, expected=(200,)):
        """(status, headers, body); raises Cut when no answer came back."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.csrf_token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.recorder.failed(kind)
            raise Cut(f"{method} {path}") from None
        finally:
            connection.close()
        self.recorder.answered(kind, response.status, time.perf_counter() - start, expected)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        token = CSRF_INPUT.search(content)
        if token:
            self.csrf_token = token.group(1).decode()
        return response.status, response.headers, content

    def get(self, kind, path):
        return self.request(kind, "GET", path)

    def post(self, kind, path, form, expected=(302,)):
        return self.request(kind, "POST", path, form, expected)

    def log_in(self, username, password):
        """Sign in through the real form, as a browser does; True when it worked."""
        self.cookies.clear()
        self.get("sign in", "/accounts/login/")
        status, _headers, _body = self.post(
            "sign in", "/accounts/login/", {"username": username, "password": password}
        )
        return status == 302
