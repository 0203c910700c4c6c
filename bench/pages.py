"""What `make bench` measures. Add a page with one line; a path that answers 404 is
reported as missing, so pages of features still to come can be listed already."""

# (label, path, demo account to sign in as, or None for a visitor)
PAGES = [
    ("floor: HttpResponse('ok')", "/bench/floor", None),
    ("/healthz", "/healthz", None),
    ("home", "/", None),
    ("about", "/about/", None),
    ("course index", "/courses/", None),
    ("library", "/library/", None),
    ("forum list", "/forums/", None),
    ("dashboard", "/dashboard/", "learner"),
]

# Pages whose first and repeat loads are weighed: HTML and everything it references.
WEIGHED_PAGES = [("home", "/")]
