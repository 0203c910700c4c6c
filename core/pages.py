"""Page mixins through which higher apps add to the pages of lower ones without the
lower app importing them (see the README's hooks table), and one that spares each
signed-in request the page's view-restriction lookups."""

from wagtail import hooks
from wagtail.models import PageViewRestriction, get_page_models

from core.caching import remembered


class ContributedContextMixin:
    """`get_context` adds what every `page_context` hook function returns for the page:
    `fn(page, request)` gives a dict, or None when it has nothing for this page."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for contribute in hooks.get_hooks("page_context"):
            context.update(contribute(self, request) or {})
        return context


class DeclaredChildrenMixin:
    """Besides its own `subpage_types`, the page accepts any page type that names it in
    its own `parent_page_types`: a feature adds a child page type (an evaluation below
    a course) without the course naming it."""

    @classmethod
    def clean_subpage_models(cls):
        if cls._clean_subpage_models is None:
            own = list(super().clean_subpage_models())
            declared = [
                model
                for model in get_page_models()
                if model not in own
                and getattr(model, "parent_page_types", None) is not None
                and cls in model.clean_parent_page_models()
            ]
            cls._clean_subpage_models = [*own, *declared]
        return cls._clean_subpage_models


class RememberedViewRestrictionsMixin:
    """Wagtail asks a page's view restrictions before serving it, or any of its routes:
    two queries (its ancestors' aliases, then the restrictions). Which restrictions
    apply changes only when one is saved or deleted or a page moves, and each starts a
    new generation of what is published (home/page_cache.py): their ids are remembered
    until then, and a page under none costs no query. Still a queryset, for the admin's
    privacy views."""

    def get_view_restrictions(self):
        if not self.pk:
            return super().get_view_restrictions()
        lookup = super().get_view_restrictions  # asks the aliases when called

        def build():
            return list(lookup().values_list("pk", flat=True))

        ids = remembered(f"view-restrictions:{self.pk}", build)
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
