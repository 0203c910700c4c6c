"""What the load test's virtual users do until `stop` is set: visitors read pages,
learners work through the demo course's modules (reading the course page, their
dashboard and the forums between modules, as people do), participants reply in the
public forum. Each virtual user runs in its own thread with its own account, so one
account's actions never race each other; what races is the server's work for different
users."""

import contextlib
import random
import re
import threading
import uuid
from dataclasses import dataclass, field

from bench.load_client import Cut, Session

POST_ID = re.compile(r"#post-(\d+)$")


@dataclass
class Site:
    """The demo's paths and ids the virtual users need, read from the database."""

    anonymous_pages: list  # (kind, path)
    course_path: str
    modules: list  # (id, path) in course order
    topic_paths: list  # public forum topics, "/forums/<forum>/<id>-<slug>/"

    def learner_reading(self, pick):
        """The pages a signed-in learner reads between two modules, as (kind, path)."""
        return [
            ("course (signed in)", self.course_path),
            ("dashboard", "/dashboard/"),
            ("forum list (signed in)", "/forums/"),
            ("forum topic (signed in)", pick.choice(self.topic_paths)),
        ]


@dataclass
class Outcome:
    """What the server acknowledged, to compare with the database afterwards."""

    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    lock: threading.Lock = field(default_factory=threading.Lock)
    replies: dict = field(default_factory=dict)  # body: its #post-N, acknowledged (303)
    unsure_replies: set = field(default_factory=set)  # bodies sent without an answer
    # (username, module id): completed? False/True when acknowledged, None when unsure
    completion: dict = field(default_factory=dict)

    @property
    def body_prefix(self):
        return f"Load {self.run_id}:"


def visitor(session, site, stop):
    pick = random.Random()  # noqa: S311 - choosing pages, not secrets
    while not stop.is_set():
        kind, path = pick.choice(site.anonymous_pages)
        try:
            session.get(kind, path)
        except Cut:
            continue


def signed_in(session, username, password, stop):
    """Sign in, retrying while the server cuts connections (e.g. a worker was killed)."""
    while not stop.is_set():
        try:
            if session.log_in(username, password):
                return True
        except Cut:
            continue
    return False


def learner(session, site, stop, username, password, outcome):
    """Open each module in course order and mark it complete, then mark them not done in
    reverse order (prerequisites stay satisfied), again and again; before each module,
    read the next of the course page, the dashboard, the forum list and a topic."""
    if not signed_in(session, username, password, stop):
        return
    pick = random.Random()  # noqa: S311 - choosing pages, not secrets
    steps = [(m, True) for m in site.modules] + [(m, False) for m in reversed(site.modules)]
    reading = site.learner_reading(pick)
    while not stop.is_set():
        for number, (module, completed) in enumerate(steps):
            with contextlib.suppress(Cut):  # only a read: the module step still happens
                session.get(*reading[number % len(reading)])
            # A cut request is sent again, as a person would: the next module may need it.
            while not stop.is_set():
                try:
                    learner_step(session, site.course_path, module, completed, outcome, username)
                    break
                except Cut:
                    continue
        reading = site.learner_reading(pick)  # another topic next round


def learner_step(session, course_path, module, completed, outcome, username):
    module_id, module_path = module
    key = (username, module_id)
    if completed:
        session.get("module (signed in)", module_path)
    outcome.completion[key] = None  # unknown until the server answers
    kind, action = ("mark complete", "complete/") if completed else ("mark not done", "uncomplete/")
    status, _h, _b = session.post(kind, course_path + action, {"module": module_id})
    outcome.completion[key] = completed if status == 302 else None


def poster(session, site, stop, username, password, outcome):
    """Open a public topic's reply form and post a reply no one else could write."""
    if not signed_in(session, username, password, stop):
        return
    pick = random.Random()  # noqa: S311
    number = 0
    while not stop.is_set():
        topic = pick.choice(site.topic_paths)
        number += 1
        body = f"{outcome.body_prefix} {username} reply {number}. We tried a *rota* again."
        try:
            session.get("reply form", topic + "reply/")
            with outcome.lock:
                outcome.unsure_replies.add(body)
            # 303 See Other: the reply was written (forums.views.common.see_other).
            status, headers, _b = session.post(
                "reply", topic + "reply/", {"body": body}, expected=(303,)
            )
        except Cut:
            continue
        found = POST_ID.search(headers.get("Location", ""))
        with outcome.lock:
            outcome.unsure_replies.discard(body)
            if status == 303 and found:
                outcome.replies[body] = int(found.group(1))


def start(port, recorder, site, accounts, password, counts, outcome, stop):
    """Threads for `counts` = (visitors, learners, posters); accounts are usernames, one
    per learner and poster."""
    visitors, learners, posters = counts
    names = iter(accounts)
    threads = [
        threading.Thread(target=visitor, args=(Session(port, recorder), site, stop))
        for _ in range(visitors)
    ]
    for behaviour, number in ((learner, learners), (poster, posters)):
        threads += [
            threading.Thread(
                target=behaviour,
                args=(Session(port, recorder), site, stop, next(names), password, outcome),
            )
            for _ in range(number)
        ]
    for thread in threads:
        thread.start()
    return threads
