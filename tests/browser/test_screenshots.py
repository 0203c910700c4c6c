"""`make screenshots`: PNGs of the main pages of the demo at 1280 and 360 px, in English
and Arabic, written to screenshots/ (git-ignored) with the browser tests' Chromium.
Skipped unless SCREENSHOTS=1, so the suite itself writes nothing."""

import os
from pathlib import Path

import pytest

from home.models import User

OUT = Path(__file__).resolve().parents[2] / "screenshots"
COURSE = "/courses/scaling-up-community-mental-health-care/"
PAGES = {
    "home": ("/", None),
    "course": (COURSE, "learner"),
    "module": (f"{COURSE}what-task-sharing-means/", "learner"),
    "workshop": (f"{COURSE}workshop-1-amman/", "learner"),
    "dashboard": ("/dashboard/", "learner"),
    "library": ("/library/", None),
    "forums": ("/forums/", "learner"),
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}

pytestmark = pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="make screenshots")


def test_write_screenshots(demo_site, page, signed_in_page):
    OUT.mkdir(exist_ok=True)
    viewers = {None: page}
    for name, (path, username) in PAGES.items():
        if username not in viewers:
            viewers[username] = signed_in_page(User.objects.get(username=username))
        viewer = viewers[username]
        for language, prefix in (("en", ""), ("ar", "/ar")):
            for size, viewport in SIZES.items():
                viewer.set_viewport_size(viewport)
                assert viewer.goto(prefix + path).status == 200
                viewer.screenshot(path=OUT / f"{name}-{language}-{size}.png", full_page=True)
    assert len(list(OUT.glob("*.png"))) >= len(PAGES) * 4
