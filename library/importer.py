"""Import resources from a CSV spreadsheet: check every row, then create all or none.

Columns: title, type, authors, year, url, tags, summary, and optionally language.
A row matches an existing resource (and is skipped) when its URL or its title and year
are already in the library, so importing the same file twice creates nothing new.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.csv_files import FORMULA_STARTS, CsvProblems, decode_csv
from core.validators import control_character
from library.choices import ResourceLanguage, ResourceType
from library.models import ResourcePage

REQUIRED_COLUMNS = ["title", "type", "authors", "year", "url", "tags", "summary"]
OPTIONAL_COLUMNS = ["language"]
MAX_LENGTHS = {"title": 255, "authors": 255, "url": 500, "summary": 2000}
MAX_TAG_LENGTH = 100
FIRST_YEAR = 1900
validate_url = URLValidator(schemes=["http", "https"])


@dataclass
class ResourceRow:
    line: int
    title: str
    resource_type: str
    language: str
    authors: str
    year: int
    url: str
    summary: str
    tags: list = field(default_factory=list)


def _lookup(choices):
    """Accept a choice by its value or its English label, in any case."""
    table = {}
    for value, label in choices.choices:
        table[value.casefold()] = value
        table[str(label).casefold()] = value
    return table


TYPES = _lookup(ResourceType)
LANGUAGES = _lookup(ResourceLanguage)


def _check_header(header):
    names = [name.strip().casefold() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    unknown = [name for name in names if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    problems = []
    if missing:
        problems.append(f"Line 1: missing column(s): {', '.join(missing)}.")
    if unknown:
        problems.append(
            f"Line 1: unknown column(s): {', '.join(unknown)}. "
            f"Expected: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}."
        )
    if len(set(names)) != len(names):
        problems.append("Line 1: a column name appears twice.")
    if problems:
        raise CsvProblems(problems)
    return names


def _parse_row(line, cells):
    """A ResourceRow, or the list of what is wrong with the row."""
    problems = []
    for name, value in cells.items():
        if value.startswith(FORMULA_STARTS):
            problems.append(
                f"{name} starts with “{value[0]}”, which spreadsheets run as a formula; "
                "remove that first character"
            )
        if code := control_character(value, multiline=name == "summary"):
            problems.append(f"{name} contains the control character {code}; remove it")
        limit = MAX_LENGTHS.get(name, 10_000)
        if len(value) > limit:
            problems.append(f"{name} is longer than {limit} characters")
    for name in ("title", "type", "year", "url", "summary"):
        if not cells[name]:
            problems.append(f"{name} is empty")

    resource_type = TYPES.get(cells["type"].casefold())
    if cells["type"] and resource_type is None:
        problems.append(f"unknown type “{cells['type']}”")
    language = LANGUAGES.get(cells.get("language", "").casefold() or "en")
    if language is None:
        problems.append(f"unknown language “{cells['language']}”")
    year = None
    if cells["year"]:
        latest = timezone.now().year + 1
        if re.fullmatch(r"\d{4}", cells["year"]) and FIRST_YEAR <= int(cells["year"]) <= latest:
            year = int(cells["year"])
        else:
            problems.append(
                f"year “{cells['year']}” is not a year between {FIRST_YEAR} and {latest}"
            )
    if cells["url"]:
        try:
            validate_url(cells["url"])
        except ValidationError:
            problems.append(f"url “{cells['url']}” is not a web address (http:// or https://)")
    tags = [tag.strip() for tag in re.split(r"[;,]", cells["tags"]) if tag.strip()]
    if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
        problems.append(f"a tag is longer than {MAX_TAG_LENGTH} characters")

    if problems:
        return problems
    return ResourceRow(
        line=line,
        title=cells["title"],
        resource_type=resource_type,
        language=language,
        authors=cells["authors"],
        year=year,
        url=cells["url"],
        summary=cells["summary"],
        tags=tags,
    )


def read_resources(data):
    """Parse and check a whole CSV file (bytes). Raises CsvProblems listing every bad row."""
    reader = csv.reader(io.StringIO(decode_csv(data), newline=""))
    try:
        header = next(reader, None)
        if not header:
            raise CsvProblems(["The file is empty: expected a header row."])
        names = _check_header(header)
        rows, problems, seen = [], [], {}
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) != len(names):
                    problems.append(f"Line {line}: {len(cells)} cells, but {len(names)} columns.")
                else:
                    parsed = _parse_row(
                        line, dict(zip(names, (c.strip() for c in cells), strict=True))
                    )
                    if isinstance(parsed, list):
                        problems.append(f"Line {line}: {'; '.join(parsed)}.")
                    else:
                        problems.extend(_duplicates(parsed, seen))
                        rows.append(parsed)
            line = reader.line_num + 1
    except csv.Error as error:
        raise CsvProblems([f"Line {reader.line_num}: {error}."]) from error
    if problems:
        raise CsvProblems(problems)
    if not rows:
        raise CsvProblems(["The file has a header but no rows."])
    return rows


def _duplicates(row, seen):
    """Problems for a row that repeats an earlier one, by URL or by title and year."""
    problems = []
    for key, what in (((row.title.casefold(), row.year), "title and year"), (row.url, "URL")):
        if key in seen:
            problems.append(f"Line {row.line}: same {what} as line {seen[key]}.")
        else:
            seen[key] = row.line
    return problems


@transaction.atomic
def import_resources(library, rows):
    """Create a live ResourcePage under `library` for each row not already there.

    Returns (created, skipped) lists of rows.
    """
    existing = ResourcePage.objects.child_of(library).values_list("title", "year", "external_url")
    known_titles = {(title.casefold(), year) for title, year, _url in existing}
    known_urls = {url for _title, _year, url in existing if url}
    taken_slugs = set(library.get_children().values_list("slug", flat=True))
    created, skipped = [], []
    now = timezone.now()
    for row in rows:
        if (row.title.casefold(), row.year) in known_titles or row.url in known_urls:
            skipped.append(row)
            continue
        resource = ResourcePage(
            title=row.title,
            slug=_free_slug(row.title, taken_slugs),
            resource_type=row.resource_type,
            language=row.language,
            year=row.year,
            authors_text=row.authors,
            external_url=row.url,
            summary=row.summary,
            first_published_at=now,
            last_published_at=now,
        )
        resource.tags.add(*row.tags)
        library.add_child(instance=resource)
        created.append(row)
    return created, skipped


def _free_slug(title, taken):
    base = slugify(title, allow_unicode=True)[:80] or "resource"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
