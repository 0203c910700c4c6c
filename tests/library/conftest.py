import pytest

from library.models import LibraryPage
from tests.library.factories import make_resource


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents and image renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def library(home_page):
    return home_page.add_child(instance=LibraryPage(title="Library", slug="library"))


@pytest.fixture
def resource(library):
    return make_resource(library, "Fidelity checklist", tags=["fidelity", "supervision"])
