"""axe-core finds no serious or critical violation on the site's main pages.

Add a page with one line in PAGES: its path and the demo account that views it (None for
a visitor). The pages are those of the demo collaborative (`load_demo`), loaded once for
all of them: the test reports every failing page, not just the first.
"""

import pytest

from home.models import User

PAGES = [
    ("/", None),
    ("/about/", None),
    ("/accounts/login/", None),
    ("/accounts/signup/", None),
    ("/dashboard/", "learner"),
]


def test_main_pages_have_no_serious_accessibility_violation(
    demo_site, page, signed_in_page, axe_check
):
    pages = {None: page}
    failures = []
    for path, username in PAGES:
        if username not in pages:
            pages[username] = signed_in_page(User.objects.get(username=username))
        viewer = pages[username]
        response = viewer.goto(path)
        if response.status != 200:
            failures.append(f"{path} answered {response.status}")
            continue
        try:
            axe_check(viewer)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n\n".join(failures)


def test_axe_check_fails_on_a_serious_violation(page, axe_check):
    """The check is live: an image without alt text and a nameless button fail it."""
    page.set_content('<html lang="en"><body><main><img src="x.png"><button></button></main>')
    with pytest.raises(AssertionError, match="image-alt") as failure:
        axe_check(page)
    assert "button-name" in str(failure.value)
