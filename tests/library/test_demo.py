import io
import re
from pathlib import Path

from django.conf import settings
from wagtail.documents import get_document_model

from home import demo as home_demo
from library import demo
from library.models import LibraryPage, ResourcePage


def load(scale=1):
    home_demo.load(1, io.StringIO())
    demo.load(scale, io.StringIO())


def test_demo_library_has_twenty_varied_resources(client, db):
    load()
    library = LibraryPage.objects.get()
    resources = ResourcePage.objects.child_of(library).live()
    assert resources.count() == 20
    assert {r.language for r in resources} == {"en", "ar"}
    assert len({r.resource_type for r in resources}) >= 8
    html = client.get("/library/?tag=task-sharing&tag=supervision").content.decode()
    assert "Task-sharing toolkit for district mental health teams" in html


def test_demo_document_downloads(client, db):
    load()
    page = ResourcePage.objects.get(title__startswith="Task-sharing toolkit")
    html = client.get(page.url).content.decode()
    url = re.search(r'href="(/documents/[^"]+)" download', html).group(1)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Weekly group supervision" in b"".join(response.streaming_content)
    assert "TXT, " in html


def test_demo_runs_twice_without_new_rows_or_files(db, media_root):
    load()
    counts = (ResourcePage.objects.count(), get_document_model().objects.count())
    files = sorted(Path(media_root).rglob("*"))
    load()
    assert (ResourcePage.objects.count(), get_document_model().objects.count()) == counts
    assert sorted(Path(media_root).rglob("*")) == files


def test_scale_makes_n_times_as_many(db):
    load(scale=3)
    assert ResourcePage.objects.count() == 60
    assert get_document_model().objects.count() == 2


def test_library_does_not_import_home_or_courses():
    """The library is a plug-in: it may be named by higher apps, never the reverse."""
    pattern = re.compile(r"^\s*(from|import)\s+(home|courses)\b", re.MULTILINE)
    offenders = [
        str(path)
        for path in (Path(settings.BASE_DIR) / "library").rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text())
    ]
    assert offenders == []
