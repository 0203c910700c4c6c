"""What `make bench` measures. Add a page with one line; a path that answers 404 is
reported as missing, so pages of features still to come can be listed already."""

COURSE = "/courses/scaling-up-community-mental-health-care/"
MODULE = f"{COURSE}what-task-sharing-means/"  # open preview: the whole page for visitors
LIBRARY_SEARCH = "/library/?q=supervision&tag=task-sharing&tag=supervision"

# (label, path, demo account to sign in as, or None for a visitor)
FIXED_PAGES = [
    ("floor: HttpResponse('ok')", "/bench/floor", None),
    ("/healthz", "/healthz", None),
    ("home", "/", None),
    ("about", "/about/", None),
    ("course index", "/courses/", None),
    ("course", COURSE, None),
    ("module", MODULE, None),
    ("workshop", f"{COURSE}workshop-1-amman/", None),
    ("library", "/library/", None),
    ("library: search + two tags", LIBRARY_SEARCH, None),
    ("resource", "/library/task-sharing-toolkit-for-district-mental-health-teams/", None),
    ("forum list", "/forums/", None),
    ("announcements", "/announcements/", None),
    ("dashboard", "/dashboard/", "learner"),
]

# Issue 21's signed-in rows, as the demo learner: "signed in: " and the label.
SIGNED_IN_PAGES = [
    ("course", COURSE),
    ("module (open)", MODULE),
    ("module (members only)", f"{COURSE}adapting-to-your-context/"),
    ("workshop", f"{COURSE}workshop-1-amman/"),
    ("follow-up", f"{COURSE}workshop-1-amman/follow-up/"),
    ("library", "/library/"),
    ("resource", "/library/task-sharing-toolkit-for-district-mental-health-teams/"),
    ("forum list", "/forums/"),
    ("team page", f"{COURSE}teams/karachi/"),
]


def longest_topic_pages():
    """The first and last page of the longest forum topic (the 10,000-post one from
    --scale 2): its id and page count depend on the scale, so they are looked up."""
    from forums.models import Topic

    topic = Topic.objects.order_by("-post_count", "pk").first()
    if topic is None:
        return []
    url = topic.get_absolute_url()
    last = f"forum topic, last page ({topic.page_count})"
    return [
        ("forum topic, first page", url, None),
        (last, f"{url}?page={topic.page_count}", None),
        ("signed in: forum topic, first page", url, "learner"),
        (f"signed in: {last}", f"{url}?page={topic.page_count}", "learner"),
    ]


class _Pages:
    """PAGES is iterated by bench.run only after it has seeded the database and set Django
    up, so the rows that depend on the data can be looked up then."""

    def __iter__(self):
        from bench import roster
        from bench.collaborative import ensure_size

        yield from FIXED_PAGES
        for label, path in SIGNED_IN_PAGES:
            yield f"signed in: {label}", path, "learner"
        yield from longest_topic_pages()
        for label, path in ensure_size(COURSE):
            yield label, path, "facilitator"
        for label, path in roster.ensure_size():
            yield label, path, None


PAGES = _Pages()

# Pages whose first and repeat loads are weighed: HTML and everything it references.
WEIGHED_PAGES = [("home", "/"), ("module", MODULE)]
