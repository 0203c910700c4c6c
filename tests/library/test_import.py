from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from taggit.models import Tag

from library.models import ResourcePage
from tests.library.factories import make_resource

SAMPLE = Path(settings.BASE_DIR) / "library" / "fixtures" / "sample_resources.csv"
HEADER = "title,type,authors,year,url,tags,summary\n"
GOOD_ROW = (
    "Supervision guide,toolkit,Hana Saleh,2023,https://example.org/a,fidelity; supervision,Rotas.\n"
)


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "resources.csv"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def import_file(path, **options):
    call_command("import_resources", str(path), **options)


def test_sample_csv_imports_and_a_second_run_creates_nothing(library, capsys):
    import_file(SAMPLE)
    assert "6 resources imported, 0 already" in capsys.readouterr().out
    pm_plus = ResourcePage.objects.get(title__startswith="Problem Management Plus")
    assert pm_plus.live and pm_plus.get_parent().pk == library.pk
    assert pm_plus.resource_type == "guidance"
    assert pm_plus.year == 2016
    assert pm_plus.authors_text == "World Health Organization"
    assert sorted(pm_plus.tags.names()) == ["Problem Management Plus", "adaptation", "task-sharing"]
    arabic = ResourcePage.objects.get(title__startswith="الإسعافات")
    assert arabic.language == "ar"

    import_file(SAMPLE)
    assert "0 resources imported, 6 already in the library" in capsys.readouterr().out
    assert ResourcePage.objects.count() == 6


def test_imported_resources_appear_in_the_library(client, library):
    import_file(SAMPLE)
    html = client.get("/library/?tag=task-sharing&q=supervision").content.decode()
    assert "Supervision in task-sharing: a practice guide" in html


def test_rows_matching_existing_resources_by_url_or_title_and_year_are_skipped(library, tmp_path):
    make_resource(library, "Supervision guide", year=2023, external_url="https://example.org/other")
    make_resource(library, "Other title", external_url="https://example.org/b")
    rows = GOOD_ROW + "New title,toolkit,x,2020,https://example.org/b,,Same URL.\n"
    import_file(write(tmp_path, HEADER + rows))
    assert ResourcePage.objects.count() == 2


def test_dry_run_checks_without_importing(library, tmp_path, capsys):
    import_file(write(tmp_path, HEADER + GOOD_ROW), dry_run=True)
    assert "1 rows are valid" in capsys.readouterr().out
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "title,type,authors,year,url,tags\n" + "a,toolkit,x,2020,https://e.org,t\n",
            "Line 1: missing column(s): summary.",
        ),
        (HEADER.replace("tags", "tagz") + GOOD_ROW, "unknown column(s): tagz"),
        (HEADER + GOOD_ROW.replace("2023", "20x3"), "Line 2: year “20x3” is not a year"),
        (HEADER + GOOD_ROW.replace("2023", "1066"), "Line 2: year “1066” is not a year"),
        (HEADER + GOOD_ROW + GOOD_ROW, "Line 3: same title and year as line 2."),
        (
            HEADER + GOOD_ROW + GOOD_ROW.replace("Supervision guide", "Other"),
            "Line 3: same URL as line 2.",
        ),
        (
            HEADER + GOOD_ROW.replace("Rotas.", '"=HYPERLINK(""http://x"")"'),
            "summary starts with “=”",
        ),
        (HEADER + GOOD_ROW.replace("Hana Saleh", "@SUM(1)"), "authors starts with “@”"),
        (HEADER + GOOD_ROW.replace("Hana Saleh", "+1"), "authors starts with “+”"),
        (HEADER + GOOD_ROW.replace("Hana Saleh", "-1"), "authors starts with “-”"),
        (HEADER + GOOD_ROW.replace("toolkit", "pamphlet"), "unknown type “pamphlet”"),
        (
            HEADER + GOOD_ROW.replace("https://example.org/a", "javascript:alert(1)"),
            "is not a web address",
        ),
        (HEADER + GOOD_ROW.replace("Supervision guide", ""), "title is empty"),
        (HEADER + "only,three,cells\n", "Line 2: 3 cells, but 7 columns."),
        (HEADER, "no rows"),
        ("", "The file is empty"),
        (
            HEADER + GOOD_ROW + "\n" + GOOD_ROW.replace("https://example.org/a", "bad"),
            "Line 4: url “bad”",
        ),
    ],
)
def test_bad_files_are_refused_with_the_line_and_reason(library, tmp_path, content, message):
    with pytest.raises(CommandError) as error:
        import_file(write(tmp_path, content))
    assert message in str(error.value)
    assert "nothing imported" in str(error.value)
    assert not ResourcePage.objects.exists()
    assert not Tag.objects.exists()


def test_non_utf8_byte_is_reported_with_its_line(library, tmp_path):
    content = (HEADER + GOOD_ROW + "Café guide,toolkit,x,2021,https://e.org/c,,Résumé.\n").encode(
        "latin-1"
    )
    with pytest.raises(CommandError, match=r"Line 3: byte 0xe9 is not UTF-8"):
        import_file(write(tmp_path, content))
    assert not ResourcePage.objects.exists()


def test_every_bad_row_is_reported_and_good_rows_are_not_imported(library, tmp_path):
    rows = (
        GOOD_ROW
        + GOOD_ROW.replace("2023", "soon").replace("/a", "/b")
        + GOOD_ROW.replace("toolkit", "?").replace("/a", "/c")
    )
    with pytest.raises(CommandError) as error:
        import_file(write(tmp_path, HEADER + rows))
    assert "Line 3:" in str(error.value) and "Line 4:" in str(error.value)
    assert not ResourcePage.objects.exists()


def test_import_is_all_or_nothing_when_saving_fails(library, tmp_path, monkeypatch):
    """A failure halfway through creating pages rolls back the ones already made."""
    from library.models import pages

    original = pages.ResourcePage.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self.title)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pages.ResourcePage, "save", failing_save)
    with pytest.raises(RuntimeError):
        import_file(SAMPLE)
    assert not ResourcePage.objects.exists()


def test_missing_file_and_missing_library_are_clear_errors(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        import_file(tmp_path / "nope.csv")
    with pytest.raises(CommandError, match="no library page"):
        import_file(write(tmp_path, HEADER + GOOD_ROW))
