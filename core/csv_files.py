"""CSV files that open safely in a spreadsheet: every cell that a spreadsheet would run
as a formula is written, or refused on import, as text. Imports check a whole file and
report every problem, each naming its line, before anything is stored."""

import csv
import datetime

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvProblems(Exception):
    """Every problem found in an uploaded file, each naming its line."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def decode_csv(data):
    """An uploaded file's text (bytes in UTF-8, with or without a byte-order mark)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise CsvProblems(
            [f"Line {line}: byte 0x{byte:02x} is not UTF-8. Save the file as “CSV UTF-8”."]
        ) from error


def csv_cell(value):
    """A cell a spreadsheet shows as text: lists joined, dates in ISO form, and a leading
    quote before anything a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)


def csv_response(filename, header, rows):
    """A private download of `rows` under `header`, every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return response
