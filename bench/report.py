"""The benchmark's table, for the terminal and for bench/RESULTS.md."""

import os
import platform
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

from django.db import connection

from bench import measure
from bench.growth import GROWTH_MS_GOAL, LIST_MS_GOAL
from bench.pages import WEIGHED_PAGES


@dataclass
class Row:
    label: str
    path: str
    status: int
    throughput: measure.Throughput | None


@dataclass
class Results:
    scale: int
    seconds: int
    workers: int
    rows: list
    server_costs: dict
    weights: dict
    freshness: list  # [(what was checked, passed)], bench/freshness.py
    growth: object = None  # a bench.growth.Growth, or None when not measured

    @property
    def floor(self):
        return self.rows[0].throughput.requests_per_second


def throughput_lines(results):
    """Header and rows of the throughput table, as lists of cells."""
    lines = [["page", "path", "req/s", "× floor", "p50 ms", "p99 ms", "served ms"]]
    lines[0] += ["render ms", "SQL"]
    for row in results.rows:
        costs = results.server_costs.get(row.label)
        if row.throughput is None or not costs:
            state = "missing" if row.status == 404 else f"HTTP {row.status}"
            lines.append([row.label, row.path, state, "", "", "", "", "", ""])
            continue
        served, rendered = costs
        t = row.throughput
        rate = f"{t.requests_per_second:,.0f}"
        if t.bad_responses:
            rate += f" ({t.bad_responses} bad)"
        lines.append(
            [
                row.label,
                row.path,
                rate,
                f"{t.requests_per_second / results.floor:.2f}",
                f"{t.p50_ms:.1f}",
                f"{t.p99_ms:.1f}",
                f"{served.milliseconds:.1f}",
                f"{rendered.milliseconds:.1f}",
                str(len(rendered.queries)),
            ]
        )
    return lines


def weight_lines(results):
    lines = [["page", "file", "kind", "bytes sent", "Cache-Control", "repeat load"]]
    for label, weight in results.weights.items():
        for resource in weight.resources:
            repeat = "cached" if resource.reused_on_repeat else f"{resource.bytes:,}"
            lines.append(
                [
                    label,
                    resource.path,
                    resource.kind,
                    f"{resource.bytes:,}",
                    resource.cache_control or "(none)",
                    repeat,
                ]
            )
        total = [f"**{label} total**", "", "", f"**{weight.first_load:,}**", ""]
        lines.append([*total, f"**{weight.repeat_load:,}**"])
    return lines


def query_lines(results):
    """Where the weighed pages' queries go: one line per page, tables in query order."""
    lines = []
    for label, path in WEIGHED_PAGES:
        costs = results.server_costs.get(label)
        if costs:
            tables = ", ".join(costs[1].tables()) or "no query"
            lines.append(f"- {label} (`{path}`), rendered: {tables}")
    return "\n".join(lines)


def growth_lines(growth):
    """Each signed-in page at scale 1 and at the growth scale: ms, queries, the ratio."""
    big = f"×{growth.scale}"
    lines = [["page", "signed in as", "ms ×1", "SQL ×1", f"ms {big}", f"SQL {big}", "ms ratio"]]
    lines[0].append("goal met")
    for small, large in growth.pages:
        if small.milliseconds is None or large.milliseconds is None:
            lines.append([small.label, small.path, "not 200", "", "", "", "", ""])
            continue
        ratio = large.milliseconds / small.milliseconds
        met = ratio <= GROWTH_MS_GOAL and small.queries == large.queries
        lines.append(
            [
                small.label,
                small.user,
                f"{small.milliseconds:.1f}",
                str(small.queries),
                f"{large.milliseconds:.1f}",
                str(large.queries),
                f"{ratio:.2f}",
                "yes" if met else "no",
            ]
        )
    return lines


def list_lines(growth):
    lines = [["list", "path", "render ms", "SQL", f"under {LIST_MS_GOAL} ms"]]
    for row in growth.lists:
        if row.milliseconds is None:
            lines.append([row.label, row.path, "not 200", "", "no"])
            continue
        under = "yes" if row.milliseconds < LIST_MS_GOAL else "no"
        lines.append([row.label, row.path, f"{row.milliseconds:.1f}", str(row.queries), under])
    return lines


def plain_table(lines):
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    )


def growth_table(growth):
    return plain_table(growth_lines(growth)) + "\n\n" + plain_table(list_lines(growth))


def growth_markdown(growth):
    if growth is None:
        return ""
    return f"""
## Growth

Each signed-in page measured inside Django as the render ms above, in two databases of
their own: the demo at `--scale 1` and at `--scale {growth.scale}` (`GROWTH_SCALE`),
about 200 × N participants with their enrolments, completions, attendance, answers,
applications, teams, monthly data and roster entries. Goal: the same queries at both
scales and a ms ratio of at most {GROWTH_MS_GOAL}.

{markdown_table(growth_lines(growth))}

## Large lists

Measured inside Django in the `--scale 1` database, each list made to its size just
before it is measured (bench/lists.py). Goal: each under {LIST_MS_GOAL} ms.

{markdown_table(list_lines(growth))}
"""


def table(results):
    lines = throughput_lines(results)
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    for label, weight in results.weights.items():
        text.append(
            f"{label}: first load {weight.first_load:,} bytes, repeat load "
            f"{weight.repeat_load:,} bytes"
        )
    if results.growth:
        text += ["", growth_table(results.growth)]
    return "\n".join(text)


def markdown_table(lines):
    rows = [lines[0], ["---"] * len(lines[0]), *lines[1:]]
    return "\n".join(
        "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows
    )


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.platform()}"


def versions():
    database = f"SQLite {sqlite3.sqlite_version}"
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.cursor().connection.info.server_version, 10000)
        database = f"PostgreSQL {major}.{minor}"
    parts = [f"Python {platform.python_version()}", database]
    parts += [f"{name} {version(name)}" for name in ("Django", "wagtail", "gunicorn", "whitenoise")]
    if measure.WRK:
        wrk = subprocess.run([measure.WRK, "--version"], capture_output=True, text=True)  # noqa: S603
        parts.append((wrk.stdout or wrk.stderr).split("[")[0].strip())
    return ", ".join(parts)


def markdown(results):
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""# Benchmark results

Written by `make bench` (`bench/run.py`); do not edit by hand, run it again.

- Date: {now}
- Machine: {machine()}
- Versions: {versions()}
- Setup: gunicorn, {results.workers} sync workers on 127.0.0.1, `config.settings.bench`
  (production settings over plain HTTP), demo content at `--scale {results.scale}`.
- Load: {measure.tool_name()}, {results.seconds} s per page, one page after the other.
  The load generator shares the machine's cores with the server, so compare the ratios
  to the floor, not the absolute rates, and only within one run.

## Throughput

The floor is a view that returns `HttpResponse("ok")` through the same middleware.
The last three columns are measured inside Django, one request at a time once warm,
without network or gunicorn: *served ms* as the load above was served (anonymous pages
from the page cache, a signed-in reader's repeat view from their own copy, which any
write to the database makes stale: home/reader_cache.py), *render ms* and *SQL* with
both caches' lifetimes at 0, which is what a page costs on a cache miss or on a signed-in
reader's first view since the last write. A page that answers 404 is *missing* (its
feature has not landed yet).

{markdown_table(throughput_lines(results))}

The SQL queries, by the table each reads:

{query_lines(results)}

## Page weight

Bytes sent for the page and the files it references, as a browser that accepts gzip
receives them. A repeat load re-fetches only what the first load did not leave fresh in
the browser's cache (whitenoise gives hashed static files a one-year immutable lifetime).

{markdown_table(weight_lines(results))}

## Signed-in pages are never stale

Through gunicorn with the readers' own copies on, the demo learner views a page twice (a
copy is held), something changes, and the next view must show it (bench/freshness.py).

{freshness_lines(results.freshness)}
{growth_markdown(results.growth)}"""


def freshness_lines(checks):
    return "\n".join(f"- {'ok' if passed else '**FAILED**'}: {what}" for what, passed in checks)
