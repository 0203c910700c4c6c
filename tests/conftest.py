import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Page, Site

from home.models import HomePage
from tests.factories import UserFactory

if os.environ.get("MUTATION_TEST_DATABASE"):  # only under `make mutation`
    from tests.mutation_database import django_db_setup  # noqa: F401


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages and rate-limit counters must not leak from one test to the next."""
    for alias in caches:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def emails_queue_at_once(request, monkeypatch):
    """Each test runs in a transaction that is never committed, so the outbox's
    after-commit enqueue would never come: here it comes when queued, as it does for a
    cron command outside any transaction. Tests marked `real_commit` keep the rule
    (tests/core/test_outbox.py checks it)."""
    if "real_commit" not in request.keywords:
        monkeypatch.setattr("core.outbox.on_commit", lambda enqueue, robust=False: enqueue())


@pytest.fixture(autouse=True)
def english():
    """A request under /ar/ leaves Arabic active in the thread; each test starts in English."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def home_page(db):
    """The site's HomePage at the root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", hero_text="Welcome"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def user(db):
    return UserFactory(username="participant", display_name="Parveen Participant")


@pytest.fixture
def editor(db):
    editor = UserFactory(username="editor1", display_name="Edith Editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)
