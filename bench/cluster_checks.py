"""`make test-cluster`: the checks that two hosts behind nginx behave as one site.

Run by scripts/cluster (under scripts/with-postgres), which exports CLUSTER_URL (nginx),
HOST_A_URL, HOST_B_URL and CLUSTER_DIR. Each check prints one line; exit 1 if any fails.
What is not a request (setting up accounts, reading what was stored, queuing a batch of
emails) runs `manage.py shell` with host A's environment (its CACHE_DIR), so only what
the hosts share (PostgreSQL, Redis, media) can carry it to B.
"""

import http.client
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

CLUSTER, HOST_A, HOST_B = (os.environ[name] for name in ("CLUSTER_URL", "HOST_A_URL", "HOST_B_URL"))
DIR = Path(os.environ["CLUSTER_DIR"])
PYTHON = str(Path(sys.executable))
EMAILS = 200
PASSWORD = "collab-demo"  # noqa: S105 - core.demo.DEMO_PASSWORD, of every demo account
WRITERS = 40  # accounts for the failover writer, each under the forum's own post limit
HEADING = "## Two hosts behind nginx"
failures = []


class Browser:
    """Cookies (shared across ports, as browsers do for one host name) and CSRF forms."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, url, data=None, files=None):
        """GET, or POST `data` (multipart with `files`: {name: (filename, bytes)})."""
        headers = {}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        if files:
            body, headers["Content-Type"] = multipart(data, files)
        request = urllib.request.Request(url, body, headers)  # noqa: S310 - loopback
        try:
            with self.opener.open(request, timeout=30) as response:  # noqa: S310 - loopback
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def post_form(self, url, data, action=None, files=None):
        """Fill in the CSRF token of the form on `url`, post to `action` (else `url`)."""
        _status, html = self.request(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request(action or url, {**data, "csrfmiddlewaretoken": token}, files)

    def sign_in(self, base, username, login="/accounts/login/"):
        return self.post_form(f"{base}{login}", {"username": username, "password": PASSWORD})


def multipart(data, files):
    boundary = f"cluster-check-{time.time_ns()}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in data.items()
    ]
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        failures.append(name)


def on_host_a(code):
    env = {**os.environ, "CACHE_DIR": str(DIR / "A" / "cache")}
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", "shell", "-c", code], env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr)
    return result.stdout.strip()


def session_moves_between_hosts():
    browser = Browser()
    browser.sign_in(HOST_A, "learner")
    status, html = browser.request(f"{HOST_B}/dashboard/")
    check("a session started on A works on B", status == 200 and "Bilal" in html, str(status))


def general_topic():
    """The path of a topic in a forum of no page, where every signed-in member posts."""
    return on_host_a(
        "from forums.models import Topic; "
        "print(Topic.objects.filter(hidden=False, forum__page=None).first().get_absolute_url())"
    ).splitlines()[-1]


def rate_limit_holds_across_hosts():
    """The forum's post limit (FORUMS_POST_RATE, as in production), replies sent to A and
    B in turn: the one over the limit is refused, whichever host it reaches."""
    posts, seconds = json.loads(
        on_host_a(
            "import json; from forums.ratelimit import post_rate; print(json.dumps(post_rate()))"
        ).splitlines()[-1]
    )
    topic = general_topic()
    browser = Browser()
    browser.sign_in(CLUSTER, "learner")
    # The limit counts in fixed windows: start early in one, so that all the replies fall in it.
    if time.time() % seconds > seconds * 2 / 3:
        time.sleep(seconds - time.time() % seconds + 0.5)
    window = time.time() // seconds
    answers = [
        browser.post_form(
            f"{host}{topic}", {"body": f"Rate check reply {n}"}, action=f"{host}{topic}reply/"
        )[0]
        for n, host in enumerate([HOST_A, HOST_B] * (posts // 2 + 1))
    ][: posts + 1]
    same_window = time.time() // seconds == window
    check(
        f"the forum's post limit ({posts} per {seconds} s) counts replies on both hosts",
        same_window and answers == [200] * posts + [429],
        str(answers),
    )


def publish_in_the_admin_on_a_is_fresh_on_b():
    """The demo editor edits the home page in the admin through host A (Chromium: the
    page editor's form is built by its scripts) and publishes; B's cached copy goes."""
    home_id = on_host_a(
        "from home.models import HomePage; print(HomePage.objects.first().pk)"
    ).splitlines()[-1]
    visitor = Browser()
    visitor.request(f"{HOST_B}/")  # now cached on B
    text = f"Cluster check {time.time_ns()}"
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        page = browser.new_page(base_url=HOST_A)
        page.set_default_timeout(60_000)  # a loaded two-core machine
        page.goto("/admin/login/")
        page.locator("#id_username").fill("editor")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("#id_password").press("Enter")
        page.wait_for_url(re.compile(r"/admin/$"))
        page.goto(f"/admin/pages/{home_id}/edit/")
        page.locator("#id_hero_text").fill(text)
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("has been published").first.wait_for()
        browser.close()
    _status, html = visitor.request(f"{HOST_B}/")
    check("publishing in the admin through A makes B's cached page fresh at once", text in html)


def document_uploaded_through_a_downloads_from_b():
    """The demo editor uploads a document in the admin through host A; B serves it."""
    content = f"Run chart guide {time.time_ns()}\n".encode()
    title = f"Cluster check {time.time_ns()}"
    editor = Browser()
    editor.sign_in(HOST_A, "editor", login="/admin/login/")
    status, _html = editor.post_form(
        f"{HOST_A}/admin/documents/add/",
        {"title": title, "collection": collection_id(editor)},
        files={"file": ("cluster-check.txt", content)},
    )
    url = on_host_a(
        "from wagtail.documents.models import Document; "
        f"print(Document.objects.get(title={title!r}).url)"
    ).splitlines()[-1]
    got, body = Browser().request(f"{HOST_B}{url}")
    check(
        "a document uploaded in the admin through A downloads through B",
        status == 200 and got == 200 and body == content.decode(),
        f"upload {status}, download {got}",
    )


def collection_id(browser):
    _status, html = browser.request(f"{HOST_A}/admin/documents/add/")
    return re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', html).group(1)


def writer_accounts():
    """WRITERS members (one password hash, hashed once) for the failover writer."""
    on_host_a(
        "from django.contrib.auth import get_user_model; "
        "from django.contrib.auth.hashers import make_password; "
        f"password = make_password({PASSWORD!r}); User = get_user_model(); "
        "User.objects.bulk_create([User(username=f'failover-{n}', password=password) "
        f"for n in range({WRITERS})], ignore_conflicts=True)"
    )
    return [f"failover-{n}" for n in range(WRITERS)]


def wait_until_both_hosts_answer(seconds=120):
    """Start from two hosts serving: gunicorn recycles a worker every ~2000 requests
    (max_requests), and the throughput runs just before leave workers booting."""
    deadline = time.monotonic() + seconds
    for host in (HOST_A, HOST_B):
        while time.monotonic() < deadline:
            try:
                if Browser().request(f"{host}/healthz")[0] == 200:
                    break
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.5)


def signed_in_writer(username, topic_url, stop):
    """A browser signed in as `username` that sees the topic's reply box; a sign-in cut
    off by the failover is tried again."""
    while not stop.is_set():
        browser = Browser()
        try:
            browser.sign_in(CLUSTER, username)
            if 'name="body"' in browser.request(topic_url)[1]:
                return browser
        except (OSError, http.client.HTTPException, AttributeError):
            pass
    return browser


def failover_under_load(seconds=8):
    """Readers and a writer (forum replies, each with its own text) through nginx while
    host A's gunicorn is killed: nginx moves to B; 5xx only for requests in flight; every
    acknowledged reply is stored exactly once, and no other reply twice. The writer moves
    to its next account when the forum's post limit refuses a reply (429)."""
    topic, accounts = general_topic(), writer_accounts()
    wait_until_both_hosts_answer()
    statuses, acknowledged, tried, stop = Counter(), [], [], threading.Event()

    def reader():
        browser = Browser()
        while not stop.is_set():
            for path in ("/", "/healthz", "/library/", "/forums/"):
                try:
                    statuses[browser.request(f"{CLUSTER}{path}")[0]] += 1
                except (OSError, http.client.HTTPException):  # cut off in flight
                    statuses["cut off"] += 1

    def writer():
        browser = None
        while not stop.is_set() and (browser or accounts):
            if browser is None:
                browser = signed_in_writer(accounts.pop(), f"{CLUSTER}{topic}", stop)
            body = f"Failover check reply {len(tried)} {time.time_ns()}"
            tried.append(body)
            try:
                status, _html = browser.post_form(
                    f"{CLUSTER}{topic}", {"body": body}, action=f"{CLUSTER}{topic}reply/"
                )
            except (OSError, http.client.HTTPException, AttributeError):
                statuses["cut off"] += 1  # or an error page without a form
                continue
            statuses[status] += 1
            if status == 200:
                acknowledged.append(body)
            elif status == 429:
                browser = None

    threads = [threading.Thread(target=reader) for _ in range(3)]
    threads.append(threading.Thread(target=writer))
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    os.killpg(int((DIR / "A.pid").read_text()), signal.SIGKILL)
    time.sleep(seconds * 2 / 3)
    stop.set()
    for thread in threads:
        thread.join()
    errors = sum(
        count for status, count in statuses.items() if status == "cut off" or status >= 500
    )
    check(
        "host A killed under load: nginx fails over, 5xx only for requests in flight",
        errors <= len(threads) and statuses[200] > 0,
        f"{dict(statuses)}",
    )
    stored = Counter(
        json.loads(
            on_host_a(
                "import json; from forums.models import Post; print(json.dumps(list("
                "Post.objects.filter(body__startswith='Failover check reply')"
                ".values_list('body', flat=True))))"
            ).splitlines()[-1]
        )
    )
    check(
        "no acknowledged reply lost, none stored twice",
        acknowledged
        and all(stored[body] == 1 for body in acknowledged)
        and all(count == 1 for count in stored.values()),
        f"{len(acknowledged)} acknowledged of {len(tried)}, {sum(stored.values())} stored",
    )


def throughput(seconds=4, rounds=3):
    """Requests/s of the anonymous home page on host B alone and through nginx (two
    hosts), in turns, the best of `rounds` each: wrk shares the machine's cores with
    whatever else runs, so one sample of each swings with it. Quote the ratio."""
    if not shutil.which("wrk"):
        print("skip throughput: wrk is not installed (apt-get install wrk)")
        return

    def rate(url):
        command = ["wrk", "-t2", "-c8", f"-d{seconds}s", url]
        out = subprocess.run(command, capture_output=True, text=True).stdout  # noqa: S603
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    samples = [(rate(f"{HOST_B}/"), rate(f"{CLUSTER}/")) for _round in range(rounds)]
    one, two = (max(column) for column in zip(*samples, strict=True))
    print(
        f"throughput: nginx + two hosts {two:.0f} req/s, one host {one:.0f} "
        f"({two / one:.2f}x); (one, two) per round: {[(round(a), round(b)) for a, b in samples]}"
    )
    record_throughput(two, one, seconds, rounds)


def record_throughput(two, one, seconds, rounds):
    """The section "Two hosts behind nginx" of bench/RESULTS.md, replaced."""
    results = Path("bench/RESULTS.md")
    text = results.read_text()
    start = text.find(HEADING)
    end = text.find("\n## ", start + 1) if start >= 0 else -1
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    section = (
        f"{HEADING}\n\nWritten by `make test-cluster` ({when}): the anonymous home page, "
        f"wrk -t2 -c8 -d{seconds}s, one host then both in turns, the best of {rounds} "
        "each, in one run; each host 2 gunicorn workers, Redis cache, PostgreSQL. Both "
        "hosts, nginx, wrk and whatever else runs share the machine's cores: compare the "
        "two rows of one run only. On one machine two hosts add no cores: a ratio near 1 "
        "means nginx's hop costs little; the gain of a second host shows on a second "
        "machine.\n\n"
        "| setup | req/s | × one host |\n| --- | --- | --- |\n"
        f"| one host (B), direct | {one:,.0f} | 1.00 |\n"
        f"| nginx + two hosts (A, B) | {two:,.0f} | {two / one:.2f} |\n"
    )
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    results.write_text(text)


def sent_copies():
    """{subject: [Message-ID of each copy]} of the check's emails in the mail folder."""
    copies = {}
    # The file backend may append several messages to one file, 79 dashes between them.
    for path in (DIR / "mail").glob("*.log"):
        for text in path.read_text().split("-" * 79):
            subject = re.search(r"^Subject: (cluster-check \d+)$", text, re.M)
            if subject:
                message_id = re.search(r"^Message-ID: (.+)$", text, re.M).group(1)
                copies.setdefault(subject.group(1), []).append(message_id)
    return copies


def restart_worker():
    log = (DIR / "worker.log").open("a")
    worker = subprocess.Popen(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", "email_worker", "--interval", "0.2", "--requeue-after", "0"],
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    (DIR / "worker.pid").write_text(str(worker.pid))


def worker_killed_mid_batch():
    """SIGKILL the worker a few emails into a batch, restart it: every email arrives, and
    any second copy (a kill between the mail server's acceptance and the commit) has the
    first's Message-ID, by which mail systems keep one."""
    env = {**os.environ, "CACHE_DIR": str(DIR / "A" / "cache")}
    code = (
        "from django.db import transaction; from core.mail import build_email, send_all\n"
        "with transaction.atomic():\n"
        f"    for n in range({EMAILS}):\n"
        "        send_all([build_email(f'p{n}@example.org', f'cluster-check {n}', "
        "'reminders/email/reminder', {'text': 'Bring your data.'})], key=f'cluster:{n}')"
    )
    queuing = subprocess.Popen([PYTHON, "manage.py", "shell", "-c", code], env=env)  # noqa: S603
    while len(sent_copies()) < 5:  # a few of the batch are out
        time.sleep(0.01)
    os.killpg(int((DIR / "worker.pid").read_text()), signal.SIGKILL)
    before = len(sent_copies())
    queuing.wait()
    restart_worker()
    deadline = time.monotonic() + 900  # a loaded two-core machine sends slowly
    while len(sent_copies()) < EMAILS and time.monotonic() < deadline:
        time.sleep(0.5)
    copies = sent_copies()
    extra = sum(len(ids) - 1 for ids in copies.values())
    one_id_each = all(len(set(ids)) == 1 for ids in copies.values())
    check(
        "worker killed mid-batch: after its restart every email went, once per Message-ID",
        len(copies) == EMAILS and one_id_each,
        f"{before} sent before the kill, {len(copies)} distinct, {extra} second copies",
    )


def main():
    for run in (
        session_moves_between_hosts,
        rate_limit_holds_across_hosts,
        publish_in_the_admin_on_a_is_fresh_on_b,
        document_uploaded_through_a_downloads_from_b,
        worker_killed_mid_batch,
        throughput,
        failover_under_load,  # last: host A stays down
    ):
        try:
            run()
        except Exception as error:  # a check that cannot run has failed
            check(run.__name__, False, repr(error))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
