"""The load test's verdicts, read from the database (Django set up with the same
settings as the server) and from the server's log, and its latency table."""

from collections import Counter

from courses.models import ModuleCompletion
from forums.models import Post, Topic


def percentile(ordered, fraction):
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000


def latency_lines(recorder, seconds):
    lines = [["request", "answered", "req/s", "p50 ms", "p95 ms", "p99 ms", "cut", "unexpected"]]
    every = []
    for kind in sorted(recorder.latencies.keys() | recorder.cut.keys()):
        times = sorted(recorder.latencies[kind])
        every += times
        lines.append(row(kind, times, seconds, recorder.cut[kind], recorder.unexpected[kind]))
    total_cut = sum(recorder.cut.values())
    unexpected = sum(recorder.unexpected.values(), Counter())
    lines.append(row("all", sorted(every), seconds, total_cut, unexpected))
    return lines


def row(kind, times, seconds, cut, unexpected):
    shown = ", ".join(f"{count}×{status}" for status, count in sorted(unexpected.items()))
    if not times:
        return [kind, "0", "", "", "", "", str(cut), shown]
    return [
        kind,
        str(len(times)),
        f"{len(times) / seconds:,.1f}",
        *(f"{percentile(times, q):.1f}" for q in (0.50, 0.95, 0.99)),
        str(cut),
        shown,
    ]


def server_errors(recorder):
    return sum(n for counts in recorder.statuses.values() for s, n in counts.items() if s >= 500)


def replies_once(outcome):
    """Every acknowledged reply is in the database once, at the position the redirect's
    `#post-N` anchor named; a reply sent without an answer is there at most once.
    Returns problems."""
    found = Counter()
    positions = {}
    for body, position in Post.objects.filter(body__startswith=outcome.body_prefix).values_list(
        "body", "position"
    ):
        found[body] += 1
        positions[body] = position
    problems = [
        f"acknowledged reply stored {found[body]} times: {body!r}"
        for body in outcome.replies
        if found[body] != 1
    ]
    problems += [
        f"reply {body!r} stored as post #{positions[body]}, the redirect said #{position}"
        for body, position in outcome.replies.items()
        if found[body] == 1 and positions[body] != position
    ]
    problems += [f"reply stored {n} times: {body!r}" for body, n in found.items() if n > 1]
    unknown = set(found) - set(outcome.replies) - outcome.unsure_replies
    problems += [f"stored reply that was never sent: {body!r}" for body in unknown]
    return problems, sum(1 for body in outcome.unsure_replies if found[body])


def topic_counters():
    """Each topic's denormalised counters against its posts (the rules of
    forums.posting.recount, plus last_position). Returns problems."""
    problems = []
    for topic in Topic.objects.order_by("pk"):
        visible = topic.posts.filter(hidden=False, deleted=False)
        last = visible.order_by("-position").values("created", "author_id").first()
        highest = topic.posts.order_by("-position").values_list("position", flat=True).first()
        real = {
            "post_count": visible.count(),
            "last_post_at": last["created"] if last else topic.created,
            "last_poster_id": last["author_id"] if last else None,
            "last_position": highest or 0,
        }
        problems += [
            f"topic {topic.pk} {name} is {getattr(topic, name)!r}, the posts say {value!r}"
            for name, value in real.items()
            if getattr(topic, name) != value
        ]
    return problems


def completions(outcome, user_ids):
    """Each acknowledged mark complete / not done is what the database holds now."""
    stored = set(
        ModuleCompletion.objects.filter(user__in=user_ids.values()).values_list(
            "user_id", "module_id"
        )
    )
    return [
        f"{username}: module {module_id} should be {'complete' if done else 'not done'}"
        for (username, module_id), done in outcome.completion.items()
        if done is not None and ((user_ids[username], module_id) in stored) != done
    ]
