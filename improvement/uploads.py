"""A team's past months from a CSV file: one row per month and measure. The whole file is
checked, with the same month form as the page, before anything is stored; a month or
measure the file leaves out keeps what is stored.

Columns: month (YYYY-MM), measure (its name), numerator, denominator, comment.
"""

import csv
import io

from django.utils.translation import gettext as _

from core.csv_files import FORMULA_STARTS, CsvProblems, decode_csv
from improvement.entry import MonthForm, parse_month

COLUMNS = ["month", "measure", "numerator", "denominator", "comment"]
MAX_BYTES = 1_000_000

__all__ = ["COLUMNS", "CsvProblems", "month_forms", "template_rows"]


def template_rows(measures, months, stored):
    rows = []
    for month in months:
        for measure in measures:
            if measure.first_month > month:
                continue
            value = stored.get((measure.pk, month))
            rows.append(
                [
                    f"{month:%Y-%m}",
                    measure.name,
                    value and value.numerator,
                    value and value.denominator,
                    value.comment if value else "",
                ]
            )
    return rows


def read_rows(upload):
    """[(line, {column: cell})] of the file, or CsvProblems."""
    if upload is None:
        raise CsvProblems([_("Choose a CSV file to upload.")])
    if upload.size > MAX_BYTES:
        raise CsvProblems([_("The file is larger than 1 MB.")])
    reader = csv.reader(io.StringIO(decode_csv(upload.read()), newline=""))
    try:
        header = [name.strip().casefold() for name in next(reader, [])]
        if header != COLUMNS:
            message = _("Line 1: the columns must be %(columns)s, as in the template.")
            raise CsvProblems([message % {"columns": ", ".join(COLUMNS)}])
        rows, problems = [], []
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(COLUMNS):
                message = _("Line %(line)d: %(cells)d cells, but %(columns)d columns.")
                problems.append(
                    message % {"line": line, "cells": len(cells), "columns": len(COLUMNS)}
                )
                continue
            rows.append((line, dict(zip(COLUMNS, (c.strip() for c in cells), strict=True))))
    except csv.Error as error:
        raise CsvProblems([f"Line {reader.line_num}: {error}."]) from error
    if problems:
        raise CsvProblems(problems)
    if not rows:
        raise CsvProblems([_("The file has a header but no rows.")])
    return rows


def row_problem(line, cells, measures, months, seen):
    """What is wrong with a row before the form checks its numbers, or None."""
    month = parse_month(cells["month"])
    measure = measures.get(cells["measure"].casefold())
    names = {"line": line, "month": cells["month"], "measure": cells["measure"]}
    if month is None or month not in months:
        message = _("Line %(line)d: “%(month)s” is not an open month (YYYY-MM, up to last month).")
    elif measure is None:
        message = _("Line %(line)d: “%(measure)s” is not a measure of this course.")
    elif month < measure.first_month:
        message = _("Line %(line)d: %(measure)s starts after %(month)s.")
    elif cells["comment"].startswith(FORMULA_STARTS):
        message = _("Line %(line)d: a comment may not start with = + - or @.")
    elif (month, measure.pk) in seen:
        message = _("Line %(line)d: the same month and measure as line %(first)d.")
        names["first"] = seen[(month, measure.pk)]
    else:
        return None
    return message % names


def month_forms(upload, measures, months, stored):
    """A bound, valid MonthForm for each month the file names, or CsvProblems listing
    every bad row."""
    by_name = {measure.name.casefold(): measure for measure in measures}
    rows, problems, seen, lines = read_rows(upload), [], {}, {}
    for line, cells in rows:
        if problem := row_problem(line, cells, by_name, months, seen):
            problems.append(problem)
            continue
        month, measure = parse_month(cells["month"]), by_name[cells["measure"].casefold()]
        seen[(month, measure.pk)] = line
        lines.setdefault(month, {})[measure.pk] = (line, cells)
    forms = []
    for month, cells_by_measure in sorted(lines.items()):
        form = MonthForm(measures, month, stored)  # unbound: its initial is what is stored
        if form.locked:
            message = _("Line %(line)d: %(month)s is locked: ask a facilitator to unlock it.")
            first_line = min(line for line, _cells in cells_by_measure.values())
            problems.append(message % {"line": first_line, "month": f"{month:%Y-%m}"})
            continue
        data = {form.add_prefix(name): form[name].initial for name in form.fields}
        data[form.add_prefix("no_data")] = ""
        for measure_pk, (_line, cells) in cells_by_measure.items():
            for column in ("numerator", "denominator", "comment"):
                data[form.add_prefix(f"{measure_pk}-{column}")] = cells[column]
        bound = MonthForm(
            measures, month, stored, {k: "" if v is None else v for k, v in data.items()}
        )
        if not bound.is_valid():
            for name, errors in bound.errors.items():
                measure_pk = int(name.split("-")[0]) if name[0].isdigit() else None
                line = cells_by_measure.get(measure_pk, (None,))[0] or min(
                    line for line, _cells in cells_by_measure.values()
                )
                message = _("Line %(line)d: %(error)s")
                problems.extend(message % {"line": line, "error": error} for error in errors)
        forms.append(bound)
    if problems:
        raise CsvProblems(problems)
    return forms
