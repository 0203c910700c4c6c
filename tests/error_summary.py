"""The error summary a failed form shows above itself (includes/error_summary.html)."""

import re


def error_summary(response):
    """The summary's HTML; fails when the page has none."""
    html = response.content.decode()
    found = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert found, "no error summary on the page"
    return found.group(0)
