"""Admin spreadsheet exports that cannot smuggle a formula into a spreadsheet.

Wagtail's SpreadsheetExportMixin stores XLSX cells as text already, but writes CSV cells
as they are: a participant's organisation `=HYPERLINK(...)` would run in the
facilitator's spreadsheet. Every admin listing that offers `list_export` uses an index
view with this mixin (tests/security/test_csv_exports.py checks the registry), and so
does Wagtail's form-submissions listing of evaluations; the mixin
passes each CSV cell through the project's one rule, `core.csv_files.csv_cell`.
"""

from wagtail.admin.views.generic import IndexView
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.csv_files import csv_cell


class SafeCsvExportMixin:
    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SafeExportIndexView(SafeCsvExportMixin, IndexView):
    """A ModelViewSet listing whose CSV export is safe."""


class SafeExportSnippetIndexView(SafeCsvExportMixin, SnippetIndexView):
    """A snippet listing whose CSV export is safe."""


class SafeSubmissionsListView(SafeCsvExportMixin, SubmissionsListView):
    """Wagtail's form-submissions listing (set as a form page's
    `submissions_list_view_class`), whose CSV export is safe.

    Wagtail sorts by submit time alone; anonymous evaluation answers all share their
    day's midnight, and PostgreSQL returns such ties in the order the rows were written,
    which is the order people answered. The id breaks the tie: it is random for them."""

    def get_ordering(self):
        ordering = super().get_ordering()
        return ordering if any(o.lstrip("-") == "id" for o in ordering) else [*ordering, "id"]


class SafeExportSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset with `list_export`."""

    index_view_class = SafeExportSnippetIndexView
