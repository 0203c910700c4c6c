"""Admin listings and choosers that show each user only their rows.

A viewset's `get_queryset(request)` is the one answer to "which rows may this user
see": its listing, export and, for snippets, its chooser (the modal, its results and
the chosen JSON for an id) all read it. Wagtail's choosers otherwise list every row to
anyone who can open the admin (tests/security/test_admin_scoping.py).
"""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views import chooser

from core.exports import SafeExportIndexView, SafeExportSnippetViewSet


class ScopedIndexView(SafeExportIndexView):
    """A listing of only the rows its viewset's `get_queryset(request)` returns."""

    scope = None

    def get_base_queryset(self):
        return self.scope(self.request)


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(scope=self.get_queryset, **kwargs)

    def get_queryset(self, request):
        raise NotImplementedError


class ScopedChooserMixin:
    """A chooser view that lists and answers for only the rows `scope(request)` returns."""

    scope = None

    def get_object_list(self):
        return self.scope(self.request)

    def get_object(self, pk):
        return self.scope(self.request).get(pk=pk)

    def get_objects(self, pks):
        return self.scope(self.request).filter(pk__in=pks)


class ScopedChooseView(ScopedChooserMixin, chooser.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserMixin, chooser.ChooseResultsView):
    pass


class ScopedChosenView(ScopedChooserMixin, chooser.SnippetChosenView):
    pass


class ScopedChosenMultipleView(ScopedChooserMixin, chooser.SnippetChosenMultipleView):
    pass


class ScopedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView

    def __init__(self, *args, scope, **kwargs):
        self.scope = scope
        super().__init__(*args, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scope=self.scope, **kwargs)


class ScopedSnippetViewSet(SafeExportSnippetViewSet):
    """A snippet whose listing, export and chooser show only `get_queryset(request)`,
    which every subclass defines."""

    chooser_viewset_class = ScopedChooserViewSet

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            scope=self.get_queryset,
        )

    def get_queryset(self, request):
        raise NotImplementedError
