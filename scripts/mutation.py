"""`make mutation`: mutation testing (mutmut) of the modules that guard access, data and
counters, each with only the tests that exercise it, into bench/MUTATION.md.

Each module runs in its own copy of the project under MUTATION_DIR, so runs never touch
the work tree and one module's results never mix with another's. A surviving mutant is
either killed by a new test or explained in bench/mutation_equivalents.toml (mutant name
= why no behaviour can tell it apart); the report lists the explanation beside it.

    python scripts/mutation.py                  # every module
    python scripts/mutation.py core/redirects.py
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "bench" / "MUTATION.md"
EQUIVALENTS = ROOT / "bench" / "mutation_equivalents.toml"
WORK = Path(os.environ.get("MUTATION_DIR") or Path(tempfile.gettempdir()) / "mutation")
TARGET = 90.0
# Every package of the project is copied into mutmut's sandbox; bench/ and tests/ are
# copied too but never mutated.
APPS = sorted(
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name not in {"bench", "tests", "scripts"}
)

# The guarding modules and the tests that exercise them (issue 22). mutmut runs, for each
# mutant, only those of these tests that called the mutated function, so a wide choice
# costs once (the first, recording run). The caches' budgets are asserted by the
# query-count tests: a mutant that stops a cache remembering changes no page.
QUERY_COUNTS = [
    "tests/courses/test_queries.py",
    "tests/forums/test_queries.py",
    "tests/home/test_dashboard_queries.py",
    "tests/teams/test_queries.py",
]
MODULES = {
    "courses/access.py": [
        "tests/courses/test_access.py",
        "tests/courses/test_actions.py",
        "tests/security/test_private_urls.py",
    ],
    "forums/access.py": ["tests/forums"],
    "forums/posting.py": ["tests/forums"],
    "home/page_cache.py": [
        "tests/home/test_page_cache.py",
        "tests/security/test_page_cache.py",
        "tests/security/test_headers.py",
        "tests/forums/test_page_cache.py",
    ],
    "forums/page_cache.py": ["tests/forums/test_page_cache.py"],
    "evaluations/models.py": ["tests/evaluations", "tests/security/test_anonymous_answers.py"],
    "applications/invitations.py": ["tests/applications"],
    "core/redirects.py": ["tests/security/test_redirects.py"],
    "core/csv_files.py": [
        "tests/security/test_csv_exports.py",
        "tests/evaluations/test_results.py",
        "tests/evaluations/test_attendance.py",
        "tests/calls/test_hours.py",
        "tests/improvement/test_entry.py",
        "tests/library/test_import.py",
    ],
    "improvement/runcharts.py": ["tests/improvement/test_runcharts.py"],
    "teams/access.py": ["tests/teams", "tests/improvement/test_entry.py", *QUERY_COUNTS],
    "calls/registration.py": ["tests/calls"],
    "home/permission_cache.py": ["tests/home/test_shared_caches.py", *QUERY_COUNTS],
    "home/site_cache.py": ["tests/home/test_shared_caches.py", *QUERY_COUNTS],
    "home/reader_cache.py": ["tests/home/test_reader_cache.py"],
    "core/writes.py": ["tests/home/test_reader_cache.py"],
}


def copy_project(module):
    """A fresh copy of the tracked files, with the virtualenv and axe linked in."""
    place = WORK / module.replace("/", "-").removesuffix(".py")
    shutil.rmtree(place, ignore_errors=True)
    place.mkdir(parents=True)
    listing = [shutil.which("git") or "git", "ls-files", "-z"]
    files = subprocess.run(listing, cwd=ROOT, capture_output=True, check=True)  # noqa: S603
    files = files.stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = place / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for link in (".venv", "node_modules"):
        if (ROOT / link).exists():
            (place / link).symlink_to(ROOT / link)
    return place


def configure(place, module, tests):
    config = {
        "source_paths": APPS,
        "only_mutate": [module],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not browser", "-q"],
        "also_copy": ["manage.py", "templates", "locale", "bench", "scripts"],
    }
    lines = ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items()]
    with open(place / "pyproject.toml", "a") as pyproject:
        pyproject.write("\n".join(lines) + "\n")


def migrated_database():
    """One database migrated once for every module's runs (tests/mutation_database.py
    copies it for each test process): migrating costs far more than most mutants' tests."""
    template = WORK / "migrated.sqlite3"
    template.unlink(missing_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    command = [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "migrate", "-v0"]
    command.append("--settings=config.settings.test")
    environment = {**os.environ, "SQLITE_PATH": str(template)}
    subprocess.run(command, cwd=ROOT, env=environment, check=True)  # noqa: S603
    return template


def mutmut(place, *args):
    command = [str(ROOT / ".venv" / "bin" / "mutmut"), *args]
    return subprocess.run(command, cwd=place, capture_output=True, text=True)  # noqa: S603


def run_module(module, tests):
    place = copy_project(module)
    configure(place, module, tests)
    mutmut(place, "run")
    mutmut(place, "export-cicd-stats")
    stats = json.loads((place / "mutants" / "mutmut-cicd-stats.json").read_text())
    survivors = []
    for line in mutmut(place, "results").stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if status in {"survived", "no tests"}:
            diff = mutmut(place, "show", name).stdout.splitlines()
            changed = [d for d in diff if d[:1] in "+-" and d[:3] not in {"+++", "---"}]
            survivors.append((name, status, changed))
    return stats, survivors


def score(stats, equivalent=0):
    """Killed (timeouts count as killed, as mutmut does) over the mutants that were tested
    and that some behaviour can tell apart (explained equivalents are left out)."""
    outcomes = ("killed", "timeout", "survived", "no_tests", "suspicious", "segfault")
    tested = sum(stats.get(outcome, 0) for outcome in outcomes) - equivalent
    if tested <= 0:
        raise SystemExit("mutmut tested no mutant: run its command in MUTATION_DIR to see why")
    return 100.0 * (stats.get("killed", 0) + stats.get("timeout", 0)) / tested


def report(results, equivalents):
    lines = [
        "# Mutation testing of the guarding modules",
        "",
        "Written by `make mutation` (scripts/mutation.py, mutmut). Each module runs with only",
        "the tests that exercise it. Target: at least 90% killed in every module, counting",
        "only the mutants some behaviour can tell apart; every survivor is killed by a test",
        "or explained as equivalent in bench/mutation_equivalents.toml.",
        "",
        "| module | mutants | killed | equivalent | other survivors | score | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for module, (stats, survivors) in results.items():
        equivalent = sum(name in equivalents for name, _status, _changed in survivors)
        module_score = score(stats, equivalent)
        mark = "met" if module_score >= TARGET else "**below**"
        caught = stats.get("killed", 0) + stats.get("timeout", 0)
        lines.append(
            f"| `{module}` | {stats['total']} | {caught} | {equivalent} "
            f"| {len(survivors) - equivalent} | {module_score:.1f}% | {mark} |"
        )
    for module, (_stats, survivors) in results.items():
        if not survivors:
            continue
        lines += ["", f"## Survivors in `{module}`", ""]
        for name, status, changed in survivors:
            why = equivalents.get(name, "not explained yet: needs a test or a reason")
            lines.append(f"- `{name}` ({status}): {why}")
            lines += [f"  - `{change}`" for change in changed[:4]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="paths of modules (default: all)")
    chosen = parser.parse_args().modules or list(MODULES)
    unknown = [m for m in chosen if m not in MODULES]
    if unknown:
        sys.exit(f"Not a guarding module: {', '.join(unknown)} (see MODULES)")
    equivalents = tomllib.loads(EQUIVALENTS.read_text()) if EQUIVALENTS.exists() else {}
    os.environ["MUTATION_TEST_DATABASE"] = str(migrated_database())
    results = {}
    for module in chosen:
        print(f"mutation: {module}", flush=True)
        results[module] = run_module(module, MODULES[module])
        stats, survivors = results[module]
        print(f"  {len(survivors)} survivors of {stats['total']} mutants", flush=True)
        REPORT.write_text(report(results, equivalents))  # after each: a long run can stop
    print(f"Report: {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
