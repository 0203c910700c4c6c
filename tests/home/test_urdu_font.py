"""Urdu pages carry their own font (a subset of Noto Naskh Arabic, SIL OFL), and only
Urdu pages: an Urdu module's first load, the page and every stylesheet, script and font
it pulls in, stays under the 100 KB budget."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from courses.choices import ModuleAccess
from courses.models import ModulePage

BUDGET = 100 * 1024


def static_file(url):
    assert url.startswith(settings.STATIC_URL), f"{url} is not the site's own"
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not served"
    return Path(path)


def assets(html):
    """The static files a first load fetches: linked stylesheets and scripts, and what
    the stylesheets point at (fonts)."""
    urls = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    urls += re.findall(r'<script src="([^"]+)"', html)
    files = [static_file(url) for url in urls]
    for css in [file for file in files if file.suffix == ".css"]:
        for target in re.findall(r'url\("?([^")]+)"?\)', css.read_text()):
            files.append((css.parent / target).resolve())
    return files


@pytest.fixture
def module(db):
    call_command("load_demo", force=True)
    return (
        ModulePage.objects.live()
        .filter(locale__language_code="en", access=ModuleAccess.OPEN)
        .order_by("path")
        .first()
    )


def test_an_urdu_module_loads_its_font_within_the_first_load_budget(client, module):
    response = client.get(f"/ur{module.url}")
    assert response.status_code == 200
    html = response.content.decode()
    files = assets(html)
    names = [file.name for file in files]
    assert "urdu.css" in names and "noto-naskh-urdu.woff2" in names
    total = len(response.content) + sum(file.stat().st_size for file in files)
    assert total < BUDGET, f"{total} bytes: {names}"


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa"])
def test_other_languages_do_not_load_the_urdu_font(client, module, prefix):
    html = client.get(f"{prefix}{module.url}").content.decode()
    assert "urdu.css" not in html


def test_the_font_swaps_in_and_its_licence_travels_with_it():
    css = static_file(f"{settings.STATIC_URL}css/urdu.css").read_text()
    assert "font-display: swap" in css
    licence = static_file(f"{settings.STATIC_URL}fonts/OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE" in licence and "noto-naskh-urdu.woff2" in licence
