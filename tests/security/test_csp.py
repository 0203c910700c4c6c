"""Finding 13 (CSP): a strict Content-Security-Policy on the site, a relaxed one that the
Wagtail admin works under on /admin/, and no page that the strict policy would break
(no inline script, style or event handler in any rendered demo page)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from tests.security.test_private_urls import PREFIXES

# An executable inline script: <script> without src, other than a JSON data block.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+=", re.I)
JAVASCRIPT_URL = re.compile(r"(?:href|src|action)=\"\s*javascript:", re.I)


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/no-such-page/"])
def test_public_pages_get_the_strict_policy(client, home_page, prefix, path):
    directives = policy(client.get(prefix + path))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert not [v for values in directives.values() for v in values if "unsafe" in v]


def test_signed_in_pages_get_the_strict_policy_too(client, home_page, user):
    client.force_login(user)
    assert policy(client.get(reverse("dashboard")))["script-src"] == ["'self'"]


def test_the_admin_gets_a_policy_wagtail_works_under(client, home_page, superuser):
    client.force_login(superuser)
    for path in ("/admin/", "/admin/login/", f"/admin/pages/{home_page.pk}/edit/"):
        directives = policy(client.get(path))
        assert "'unsafe-inline'" in directives["script-src"], path
        assert "'unsafe-inline'" in directives["style-src"], path
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]  # the preview panel


def inline_code(html):
    return [
        match.group(0)[:120]
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER, JAVASCRIPT_URL)
        for match in pattern.finditer(html)
    ]


def test_the_scan_finds_inline_code():
    """The check below can fail."""
    found = inline_code(
        '<script>alert(1)</script><p style="color:red" onclick="x()">'
        '<script type="application/json">{}</script><script src="/s.js"></script>'
    )
    assert len(found) == 3


def test_no_demo_page_has_inline_script_or_style(client, db, django_capture_on_commit_callbacks):
    """Every live page of the demo (every language), and the views below no page, read
    by a visitor, a participant and the facilitator: nothing the strict policy blocks."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", force=True)
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += [
        reverse("login"),
        reverse("signup"),
        reverse("password_reset"),
        reverse("dashboard"),
        "/forums/",
        "/library/",
        "/no-such-page/",
    ]
    users = get_user_model().objects
    failures, scanned = [], 0
    for who in (None, "learner", "facilitator"):
        if who:
            client.force_login(users.get(username=who))
        for url in urls:
            response = client.get(url, follow=True)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            scanned += 1
            text = response.content.decode()
            failures += [f"{who} {url}: {code}" for code in inline_code(text)]
    assert scanned > 3 * 40  # the demo's pages in four languages, three times
    assert not failures, "\n".join(failures[:40])
