"""Throughput and page weight against a running server on 127.0.0.1.

Throughput comes from wrk when it is installed, else from a small generator (threads with
keep-alive connections), which the GIL caps well below wrk: compare ratios from one run
with one tool only.
"""

import gzip
import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

WRK = shutil.which("wrk")
CONNECTIONS = 8
THREADS = 2


@dataclass
class Throughput:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bad_responses: int


def tool_name():
    return "wrk -t2 -c8" if WRK else "Python threads (wrk not installed)"


def throughput(port, path, seconds, cookie=None):
    if WRK:
        return _wrk(port, path, seconds, cookie)
    return _threads(port, path, seconds, cookie)


def _wrk(port, path, seconds, cookie):
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603 - fixed program, our own arguments
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Throughput(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_wrk_ms(output, "50%"),
        p99_ms=_wrk_ms(output, "99%"),
        bad_responses=int(bad.group(1)) if bad else 0,
    )


def _wrk_ms(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def _threads(port, path, seconds, cookie):
    headers = {"Cookie": cookie} if cookie else {}
    deadline = time.monotonic() + seconds
    latencies, bad = [], []
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, mine_bad = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            mine_bad += response.status >= 400
        connection.close()
        with lock:
            latencies.extend(mine)
            bad.append(mine_bad)

    workers = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    latencies.sort()
    return Throughput(
        requests_per_second=len(latencies) / seconds,
        p50_ms=latencies[len(latencies) // 2] * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99)] * 1000,
        bad_responses=sum(bad),
    )


def get(port, path, cookie=None):
    """GET as a browser would (compression accepted); (status, headers, body as sent)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@dataclass
class Resource:
    path: str
    kind: str
    status: int
    bytes: int
    cache_control: str

    @property
    def reused_on_repeat(self):
        """A browser reuses it without asking again: fresh for a while, or immutable."""
        directives = self.cache_control.lower()
        if "no-store" in directives or "no-cache" in directives:
            return False
        max_age = re.search(r"max-age=(\d+)", directives)
        return "immutable" in directives or bool(max_age and int(max_age.group(1)) > 0)


@dataclass
class PageWeight:
    resources: list = field(default_factory=list)

    @property
    def first_load(self):
        return sum(r.bytes for r in self.resources)

    @property
    def repeat_load(self):
        return sum(r.bytes for r in self.resources if not r.reused_on_repeat)


class _References(HTMLParser):
    """The stylesheets, scripts, images and icons a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            if "stylesheet" in rel or "icon" in rel or "preload" in rel:
                self.found.append(("css" if "stylesheet" in rel else "link", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.found.append(("js", attrs["src"]))
        elif tag in ("img", "source"):
            for url in [attrs.get("src"), *(attrs.get("srcset") or "").split(",")]:
                if url and url.strip():
                    self.found.append(("image", url.strip().split()[0]))


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def page_weight(port, path):
    """Bytes sent for a page and every same-site file it references (CSS followed for
    fonts, images and imports); a first load with an empty cache, a repeat load that
    skips what the first made fresh in the browser's cache."""
    weight = PageWeight()
    seen = set()

    def fetch(url, kind):
        target = urlsplit(url)
        if target.netloc or target.path in seen or url.startswith("data:"):
            return None
        seen.add(target.path)
        status, headers, body = get(port, target.path)
        weight.resources.append(
            Resource(target.path, kind, status, len(body), headers.get("cache-control", ""))
        )
        if kind == "css" and status == 200:
            text = _decoded(headers, body)
            for match in CSS_URL.finditer(text):
                nested = match.group(1) or match.group(2)
                fetch(urljoin(target.path, nested), "css" if match.group(2) else "font/image")
        return headers, body

    headers, body = fetch(path, "html")
    parser = _References()
    parser.feed(_decoded(headers, body))
    for kind, url in parser.found:
        fetch(urljoin(path, url), kind)
    return weight


def _decoded(headers, body):
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8", "replace")
