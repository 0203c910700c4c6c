"""Real-Chromium journeys: pytest-playwright driving Debian's Chromium against
pytest-django's live server.

Every test in this folder is marked `browser` and skipped, with the reason, when Chromium
is missing (set REQUIRE_BROWSER_TESTS=1 to make that a failure, as CI does). A failed
test leaves a screenshot in test-results/ (`--screenshot=only-on-failure` in pyproject).

Fixtures for the journeys of any app:

- `page`: an anonymous page (pytest-playwright); relative URLs go to the live server.
- `signed_in_page(user)`: a page whose browser already holds `user`'s session
  (`browse_as(context, user, url)` switches an existing context to another user).
- `axe_check(page)`: run axe-core on the page; fail on serious or critical violations.
- `csp_violations(page)`: the list, kept up to date, of what the page's
  Content-Security-Policy blocked (Chromium enforces it and reports on the console).
- `demo_site`: the demo collaborative that `make run` shows (`load_demo`).
"""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

HERE = Path(__file__).resolve().parent
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Headless, as root in a container, with nothing fetched from the internet.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_PATH = HERE.parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
AXE_FAILING_IMPACTS = {"serious", "critical"}


def missing(what, how):
    """Skip a test whose tool is absent, or fail when the run requires browser tests."""
    reason = f"{what} (install with: {how})"
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        pytest.fail(f"REQUIRE_BROWSER_TESTS=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def is_browser_test(item):
    return HERE in item.path.parents


def pytest_itemcollected(item):
    if is_browser_test(item):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last: once Playwright has started, its event loop stays in
    this thread until the session ends (see the `playwright` fixture)."""
    items.sort(key=is_browser_test)


@pytest.fixture(scope="session")
def _chromium():
    if not os.access(CHROMIUM_PATH, os.X_OK):
        missing(f"Chromium not found at {CHROMIUM_PATH}", "apt-get install chromium")


@pytest.fixture(autouse=True)
def _browser_test(_chromium, live_server, django_db_serialized_rollback):
    """Each journey starts from the migrated database (Wagtail's root page, locales,
    groups): live_server empties every table after a test, serialized rollback puts the
    migrations' rows back before the next."""


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup, django_db_blocker):
    """The rows the migrations made, as django_db_setup serialized them for serialized
    rollback, made fit to restore before every journey:

    - Read before Playwright starts: once its event loop runs in this thread, asgiref's
      Local hands Django code new connection objects, which lack them.
    - Content types first: building a Wagtail Task looks up its content type and would
      create a duplicate of one not restored yet.
    - The database is emptied once: a transactional test that ran earlier leaves the
      content types and permissions that post_migrate recreated under other ids.
    """
    rows = json.loads(connection._test_serialized_contents)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    with django_db_blocker.unblock():
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,  # the restored rows keep their ids
        )
    ContentType.objects.clear_cache()
    return json.dumps(rows)


@pytest.fixture(scope="session")
def playwright(_chromium, _migrated_rows, playwright):
    """Playwright's sync API keeps an event loop running in the test thread, where Django
    then uses new connection objects (given the rows to restore here) and refuses to touch
    the database unless told that this single-threaded use is safe. That is set only from
    here on, so that other tests' subprocesses (`check --deploy`) never inherit it."""
    connection._test_serialized_contents = _migrated_rows
    already_set = "DJANGO_ALLOW_ASYNC_UNSAFE" in os.environ
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    yield playwright
    # Else PostgreSQL refuses to drop the test database: "accessed by other users".
    connections.close_all()
    if not already_set:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def live_server(playwright, live_server):
    """Started after Playwright, so that with SQLite's in-memory test database the server
    thread shares the connection the tests now use."""
    return live_server


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_FLAGS}


def browse_as(context, user, url):
    """Make `context` browse as `user` (None: a visitor), replacing its cookies. The
    session is made server-side; the sign-in form itself has its own journey."""
    context.clear_cookies()
    if user is None:
        return
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])


@pytest.fixture
def signed_in_page(new_context, live_server):
    """signed_in_page(user) -> a new page in a browser signed in as `user`."""

    def open_page(user):
        context = new_context()
        browse_as(context, user, live_server.url)
        return context.new_page()

    return open_page


@pytest.fixture
def axe_check():
    """axe_check(page) -> all of axe-core's violations on the page's current document,
    after failing the test on any serious or critical one."""
    if not AXE_PATH.exists():
        missing(f"axe-core not found at {AXE_PATH}", "npm ci")

    def check(page):
        # Evaluated, not added as a <script>: the site's CSP blocks inline scripts. A
        # context that loads it on every page (add_init_script) has it already.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(AXE_PATH.read_text())
        violations = page.evaluate(AXE_RUN)
        failing = [v for v in violations if v["impact"] in AXE_FAILING_IMPACTS]
        if failing:
            raise AssertionError(describe_violations(page.url, failing))
        return violations

    return check


@pytest.fixture
def csp_violations():
    def listen(page):
        blocked = []
        page.on(
            "console",
            lambda message: (
                blocked.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        return blocked

    return listen


def describe_violations(url, violations):
    lines = [f"axe-core: {len(violations)} serious or critical violation(s) on {url}"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}" for node in violation["nodes"][:5])
    return "\n".join(lines)


@pytest.fixture
def demo_site():
    """The demo collaborative, with every app's part, at scale 1."""
    call_command("load_demo", force=True, stdout=StringIO())
