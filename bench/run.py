"""`make bench`: seed the demo at --scale, serve it with gunicorn as in production and
measure each page of bench/pages.py against the floor; then the growth table and the
large lists (bench/growth.py); print the tables and write bench/RESULTS.md.

    .venv/bin/python -m bench.run --scale 1 --seconds 6

SQLite at bench/bench.sqlite3 (rebuilt each run), or the database in DATABASE_URL
(`scripts/with-postgres .venv/bin/python -m bench.run`).
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench import growth, measure, report
from bench.pages import PAGES, WEIGHED_PAGES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
WORKERS = 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="demo content multiplier")
    parser.add_argument("--seconds", type=int, default=6, help="load per page, in seconds")
    parser.add_argument(
        "--growth-scale",
        type=int,
        default=10,
        help="the growth table compares --scale 1 with this scale (bench/growth.py); 0 skips it",
    )
    args = parser.parse_args()

    os.environ.update(ENV)
    seed(args.scale)
    import django

    django.setup()
    from bench import costs, freshness

    cookies = costs.session_cookies({user for _label, _path, user in PAGES if user})
    # By label: a path is measured both as a visitor and signed in.
    server_costs = {label: costs.measure(path, cookies.get(user)) for label, path, user in PAGES}

    port = free_port()
    with gunicorn(port):
        rows = [
            measure_page(port, label, path, cookies.get(user), args.seconds)
            for label, path, user in PAGES
        ]
        weights = {label: measure.page_weight(port, path) for label, path in WEIGHED_PAGES}
        fresh = freshness.checks(port, cookies["learner"])  # last: it changes the demo

    # After the load: its two databases are built and measured in child processes.
    grown = growth.run(args.growth_scale) if args.growth_scale else None
    results = report.Results(
        args.scale, args.seconds, WORKERS, rows, server_costs, weights, fresh, grown
    )
    print(report.table(results))
    results_file = ROOT / "bench" / "RESULTS.md"
    # The load test (bench/load.py) keeps its own section at the end: carry it over.
    previous = results_file.read_text() if results_file.exists() else ""
    kept = "\n" + previous[previous.find(LOAD_HEADING) :] if LOAD_HEADING in previous else ""
    results_file.write_text(report.markdown(results) + kept)
    print("Written to bench/RESULTS.md")


LOAD_HEADING = "## Load test"


def seed(scale):
    """A fresh database, migrated, with the demo at `scale`, and collected static files."""
    if not os.environ.get("DATABASE_URL"):
        for stale in (ROOT / "bench").glob("bench.sqlite3*"):
            stale.unlink()
    shutil.rmtree(ROOT / "bench" / "cache", ignore_errors=True)
    manage = [str(BIN / "python"), "manage.py"]
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["load_demo", "--force", "--scale", str(scale)],
        ["collectstatic", "--noinput", "--clear", "--verbosity", "0"],
    ):
        print("manage.py", " ".join(command), flush=True)
        subprocess.run([*manage, *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class gunicorn:  # noqa: N801 - used like a function: `with gunicorn(port):`
    """gunicorn as in production (config/gunicorn.conf.py) but without recycling workers
    every 2,000 requests, which at the floor's rate would restart them every second."""

    def __init__(self, port):
        self.port = port

    def __enter__(self):
        command = [str(BIN / "gunicorn"), "config.wsgi", "--workers", str(WORKERS)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        self.process = subprocess.Popen(command, cwd=ROOT)  # noqa: S603
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if measure.get(self.port, "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit("gunicorn did not answer /healthz within 30 s")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def measure_page(port, label, path, cookie, seconds):
    status = measure.get(port, path, cookie)[0]
    if status != 200:
        return report.Row(label, path, status, None)
    print(f"{label}: {seconds} s of load", flush=True)
    return report.Row(label, path, status, measure.throughput(port, path, seconds, cookie))


if __name__ == "__main__":
    main()
