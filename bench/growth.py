"""The growth table and the large lists of `make bench` (issue 21), measured inside
Django as bench/costs.py does, without gunicorn:

- growth: each signed-in page's render ms and queries with the demo at --scale 1 and at
  --scale N (`GROWTH_SCALE`, default 10), each in its own SQLite file and cache under
  bench/ (`growth-<scale>`, rebuilt each run). Goal: the same queries at both scales and
  the render time at N within 1.3× of scale 1;
- large lists (bench/lists.py), made in the scale-1 database once its pages are
  measured. Goal: each under 200 ms.

    .venv/bin/python -m bench.growth --scale 10

Each database is measured in a child process (Django binds one database per process),
which prints its figures as JSON.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.pages import SIGNED_IN_PAGES

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(Path(sys.executable).parent / "python")
# The same demo topic at both scales (the 10,000-post one exists only from scale 2; its
# first and last pages are in the main table).
TOPIC = "Getting supervisors to protect time for supervision"
# (label, path, demo account): the signed-in pages of the main table, as the learner,
# with the topic looked up.
PAGES = [
    *((label, path, "learner") for label, path in SIGNED_IN_PAGES),
    ("forum topic, first page", None, "learner"),
    ("dashboard", "/dashboard/", "learner"),
]
GROWTH_MS_GOAL, LIST_MS_GOAL = 1.3, 200


@dataclass
class Figure:
    label: str
    path: str
    user: str | None
    milliseconds: float | None  # None: the page did not answer 200
    queries: int | None


@dataclass
class Growth:
    scale: int
    pages: list  # (Figure at scale 1, Figure at `scale`)
    lists: list  # Figure


def run(scale):
    """Build both databases, measure them, and return a Growth."""
    manage(1, "collectstatic", "--noinput", "--verbosity", "0")  # pages need the manifest
    for each in (1, scale):
        build(each)
    small = child_figures(1, lists=True)
    large = child_figures(scale, lists=False)
    pairs = list(zip(small["pages"], large["pages"], strict=True))
    return Growth(scale, pairs, small["lists"])


def environment(scale):
    """The bench settings on this scale's own SQLite file and cache folder."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["BENCH_NAME"] = f"growth-{scale}"
    return env


def build(scale):
    name = f"growth-{scale}"
    for stale in (ROOT / "bench").glob(f"{name}.sqlite3*"):
        stale.unlink()
    shutil.rmtree(ROOT / "bench" / f"cache-{name}", ignore_errors=True)
    manage(scale, "migrate", "--noinput", "--verbosity", "0")
    manage(scale, "load_demo", "--force", "--scale", str(scale))


def manage(scale, *command):
    print(f"growth-{scale}: manage.py", " ".join(command), flush=True)
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=environment(scale),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def child_figures(scale, lists):
    command = [PYTHON, "-m", "bench.growth", "--measure", str(scale)]
    if lists:
        command.append("--lists")
    print(f"growth-{scale}: measuring", flush=True)
    done = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=environment(scale), check=True, stdout=subprocess.PIPE, text=True
    )
    figures = json.loads(done.stdout.splitlines()[-1])
    return {key: [Figure(**row) for row in rows] for key, rows in figures.items()}


def measure_here(lists):
    """In the child: the pages, then (if asked) each large list once it is made."""
    import django

    django.setup()
    from bench import costs
    from bench.lists import LARGE_LISTS

    pages = [(label, path or topic_url(), user) for label, path, user in PAGES]
    users = {user for *_rest, user in pages} | {user for _f, user in LARGE_LISTS if user}
    cookies = costs.session_cookies(users)
    figures = {"pages": [figure(costs, label, path, user, cookies) for label, path, user in pages]}
    figures["lists"] = []
    for ensure, user in LARGE_LISTS if lists else []:
        label, path = ensure()
        figures["lists"].append(figure(costs, label, path, user, cookies))
    print(json.dumps({key: [vars(f) for f in rows] for key, rows in figures.items()}))


def topic_url():
    from forums.models import Topic

    return Topic.objects.get(title=TOPIC).get_absolute_url()


def figure(costs, label, path, user, cookies):
    """The page as rendered (page cache lifetime 0, as a signed-in member gets it)."""
    measured = costs.measure(path, cookies.get(user))
    if not measured:
        return Figure(label, path, user, None, None)
    rendered = measured[1]
    return Figure(label, path, user, round(rendered.milliseconds, 1), len(rendered.queries))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="the larger demo scale")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--lists", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.lists)
        return
    from bench import report

    growth = run(args.scale)
    print(report.growth_table(growth))


if __name__ == "__main__":
    main()
