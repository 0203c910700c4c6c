"""`make load`: the load and fault test. Seeds the demo at --scale, serves it with
gunicorn (2 sync workers on 127.0.0.1, bench/load_settings.py) and for --seconds drives
visitors, signed-in learners (open modules, mark them complete and not done, and
between modules read the course page, their dashboard, the forum list and a topic) and
participants (reply in the public forum) at once; then checks that no answer was a 5xx,
the server never logged "database is locked", every reply the server acknowledged is in
the database exactly once, every topic's counters equal its posts, and every
acknowledged completion is stored. Exits 1 when a check fails.

    .venv/bin/python -m bench.load --seconds 30 [--kill-worker]
    .venv/bin/python -m bench.load --visitors 0 --posters 0 --learners 20
    scripts/with-postgres .venv/bin/python -m bench.load --seconds 30

The second line is the signed-in run `make load` adds: 20 learners at once, each its
own account (load-01 … load-20, enrolled in the demo course, created when missing).

--kill-worker sends SIGKILL to one gunicorn worker halfway through: requests it was
serving are cut (counted as "cut", not as 5xx); gunicorn starts a new worker and the
checks must still hold. SQLite at bench/bench.sqlite3 (shared with `make bench`: do not
run both at once), or the database in DATABASE_URL.
"""

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import run
from bench.report import machine, markdown_table

PASSWORD = "load-test-only"  # noqa: S105 - throwaway accounts of the bench database


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="demo content multiplier")
    parser.add_argument("--seconds", type=int, default=60, help="length of the load")
    parser.add_argument("--visitors", type=int, default=4, help="anonymous readers")
    parser.add_argument("--learners", type=int, default=3, help="signed-in learners")
    parser.add_argument("--posters", type=int, default=3, help="participants replying")
    parser.add_argument("--kill-worker", action="store_true", help="SIGKILL a worker halfway")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.load_settings"
    run.seed(args.scale)
    import django

    django.setup()
    from django.db import connections

    from bench import load_checks, load_client, load_traffic

    usernames = accounts(args.learners + args.posters)
    site = demo_site()
    connections.close_all()  # the server alone uses the database during the load

    log = Path(tempfile.mkstemp(prefix="load-gunicorn-", suffix=".log")[1])
    # gunicorn reads extra options here: its log and the workers' stderr into one file.
    os.environ["GUNICORN_CMD_ARGS"] = f"--error-logfile {log} --capture-output"
    recorder = load_client.Recorder()
    outcome = load_traffic.Outcome()
    stop = threading.Event()
    port = run.free_port()
    killed = []
    with run.gunicorn(port) as server:
        counts = (args.visitors, args.learners, args.posters)
        print(f"{args.seconds} s of load: {counts} visitors, learners, posters", flush=True)
        started = time.monotonic()
        threads = load_traffic.start(
            port, recorder, site, usernames, PASSWORD, counts, outcome, stop
        )
        if args.kill_worker:
            time.sleep(args.seconds / 2)
            killed.append(kill_a_worker(server.process.pid))
        time.sleep(max(0, started + args.seconds - time.monotonic()))
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        replaced = not killed or workers_replaced(server.process.pid, killed[0])

    print(markdown_table(load_checks.latency_lines(recorder, elapsed)))
    log_text = log.read_text(errors="replace")
    reply_problems, unsure_stored = load_checks.replies_once(outcome)
    users = user_model().objects.filter(username__in=usernames)
    user_ids = dict(users.values_list("username", "pk"))
    checks = [
        ("no 5xx answer", load_checks.server_errors(recorder) == 0, ""),
        ("no unexpected status", not any(recorder.unexpected.values()), ""),
        ('no "database is locked" in the log', "database is locked" not in log_text, str(log)),
        (
            f"{len(outcome.replies)} acknowledged replies stored exactly once",
            not reply_problems,
            "; ".join(reply_problems[:5]),
        ),
        ("every topic's counters equal its posts", *problems(load_checks.topic_counters())),
        (
            f"{sum(v is not None for v in outcome.completion.values())} (learner, module) "
            "states as last acknowledged",
            *problems(load_checks.completions(outcome, user_ids)),
        ),
    ]
    if killed:
        checks.append((f"killed worker {killed[0]} replaced by gunicorn", replaced, ""))
    print(f"\n{machine()}; {connections['default'].vendor}, --scale {args.scale}")
    print(
        f"{elapsed:.0f} s, {sum(recorder.cut.values())} requests cut, "
        f"{len(outcome.unsure_replies)} replies sent without an answer "
        f"({unsure_stored} of them stored, once)"
    )
    for name, passed, detail in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""))
    if not all(passed for _name, passed, _detail in checks):
        sys.exit(1)
    log.unlink()


def problems(found):
    return not found, "; ".join(found[:5])


def user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def accounts(count):
    """`count` throwaway participants of the demo course (created when missing), one per
    signed-in virtual user; all share one password hash (hashing is slow on purpose)."""
    from django.contrib.auth.hashers import make_password

    from courses.models import Enrolment

    course = demo_course()
    password = make_password(PASSWORD)
    usernames = [f"load-{number:02d}" for number in range(1, count + 1)]
    for username in usernames:
        user, _new = user_model().objects.update_or_create(
            username=username,
            defaults={"password": password, "email": "", "display_name": f"Load {username}"},
        )
        Enrolment.objects.get_or_create(user=user, course=course)
    return usernames


def demo_course():
    from courses.demo import COURSE_SLUG
    from courses.models import CoursePage

    return CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="en")


def demo_site():
    from bench.load_traffic import Site
    from courses.progress import live_modules_by_course
    from forums.choices import Scope
    from forums.models import Topic
    from library.models import LibraryPage, ResourcePage

    course = demo_course()
    modules = live_modules_by_course([course])[course.pk]
    topics = Topic.objects.filter(forum__scope=Scope.PUBLIC, hidden=False, locked=False)
    topic_paths = [topic.get_absolute_url() for topic in topics.select_related("forum")]
    return Site(
        anonymous_pages=[
            ("home", "/"),
            ("course", course.url),
            ("module (visitor)", modules[0].url),
            ("library", LibraryPage.objects.live().first().url),
            ("resource", ResourcePage.objects.live().first().url),
            ("forum topic (visitor)", topic_paths[0]),
        ],
        course_path=course.url,
        modules=[(module.pk, module.url) for module in modules],
        topic_paths=topic_paths,
    )


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text()
    return [int(pid) for pid in children.split()]


def kill_a_worker(master):
    victim = worker_pids(master)[0]
    os.kill(victim, signal.SIGKILL)
    print(f"SIGKILL sent to gunicorn worker {victim}", flush=True)
    return victim


def workers_replaced(master, victim, wait=15):
    """gunicorn runs its full number of workers again, without the killed one."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        pids = worker_pids(master)
        if len(pids) == run.WORKERS and victim not in pids:
            return True
        time.sleep(0.2)
    return False


if __name__ == "__main__":
    main()
