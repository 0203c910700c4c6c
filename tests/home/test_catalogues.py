"""Every translatable string of the project's own code has a translation in each
catalogue: extract them afresh with makemessages in a copy of the tree and compare."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# The project's own apps (those that live in this tree), its settings and templates.
PROJECT_APPS = [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").exists()]
SOURCES = ["config", *PROJECT_APPS, "templates", "manage.py"]
pytestmark = pytest.mark.skipif(
    shutil.which("msgcmp") is None, reason="GNU gettext (msgcmp, xgettext) is not installed"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The .pot of every string in the project's templates and Python code."""
    copy = tmp_path_factory.mktemp("project")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    (copy / "locale").mkdir()
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "makemessages", "--locale", "ar", "--keep-pot"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale" / "django.pot"


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_catalogue_translates_every_string(template, language):
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    assert catalogue.exists(), f"missing catalogue {catalogue}"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgcmp", str(catalogue), str(template)],  # noqa: S607 - gettext on PATH
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_catalogue_has_no_fuzzy_or_broken_entries(language):
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_compiled_catalogue_matches_its_source(language, tmp_path):
    """The committed .mo (so `make run` needs no gettext) is compiled from the .po."""
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(  # noqa: S603 - fixed arguments
        ["msgfmt", "-o", str(fresh), str(folder / "django.po")],  # noqa: S607
        check=True,
    )

    def messages(path):
        with open(path, "rb") as catalogue:
            return gettext.GNUTranslations(catalogue)._catalog

    assert messages(folder / "django.mo") == messages(fresh), "run `make messages`"
