"""Admin listings that show each user only their rows."""

from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeExportIndexView


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
