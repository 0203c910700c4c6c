from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.importer import REQUIRED_COLUMNS, CsvProblems, import_resources, read_resources
from library.models import LibraryPage


class Command(BaseCommand):
    help = (
        "Import library resources from a CSV file with the columns "
        f"{', '.join(REQUIRED_COLUMNS)} (and optionally language). Every row is checked "
        "first; nothing is imported if any row is bad. Rows already in the library (same "
        "URL, or same title and year) are skipped, so running it twice is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, import nothing."
        )

    def handle(self, *args, csv_file, dry_run, **options):
        try:
            data = csv_file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {csv_file}: {error.strerror}.") from error
        try:
            rows = read_resources(data)
        except CsvProblems as problems:
            raise CommandError(
                f"{csv_file}: nothing imported.\n" + "\n".join(problems.problems)
            ) from problems
        if dry_run:
            self.stdout.write(
                f"{csv_file}: {len(rows)} rows are valid. Nothing imported (dry run)."
            )
            return
        library = LibraryPage.objects.first()
        if library is None:
            raise CommandError("There is no library page yet: create one in the admin first.")
        created, skipped = import_resources(library, rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"{csv_file}: {len(created)} resources imported, "
                f"{len(skipped)} already in the library and left unchanged."
            )
        )
