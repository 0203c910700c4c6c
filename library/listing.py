"""The library index's query: search, filters, counts per filter option and one page.

The number of queries is fixed whatever the number of resources: one for the search, one
per facet, two for the page (count and rows) and one each for its tags and thumbnails.
"""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Lower
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.images import get_image_model

from core.caching import declare_cache_query
from library.choices import ResourceLanguage, ResourceType, SortOrder
from library.forms import LibraryFilterForm
from library.models import ResourcePage, ResourcePageTag

PER_PAGE = 20
TAG_FACETS = 30
THUMBNAIL_SPEC = "fill-120x90"
# Form field → model field of the single-choice filters.
FACETS = {"type": "resource_type", "language": "language", "year": "year"}
ORDERING = {
    SortOrder.NEWEST: ["-year", F("publication_date").desc(nulls_last=True), "-pk"],
    SortOrder.TITLE: [Lower("title"), "pk"],
}


class LibraryListing:
    def __init__(self, library, request):
        self.path = request.path
        self.form = LibraryFilterForm(request.GET)
        self.form.is_valid()  # invalid fields are left out of cleaned_data and shown
        data = self.form.cleaned_data
        self.query = data.get("q", "")
        self.tag_slugs = data.get("tag") or []
        self.choices = {name: data.get(name) for name in FACETS if data.get(name)}
        self.sort = data.get("sort") or SortOrder.NEWEST

        resources = ResourcePage.objects.live().public().child_of(library)
        if self.query:
            resources = resources.filter(pk__in=self._search(resources))
        for slug in self.tag_slugs:
            tagged = ResourcePageTag.objects.filter(tag__slug=slug)
            resources = resources.filter(pk__in=tagged.values("content_object_id"))
        self._searched = resources
        self.results = self._narrowed()
        self.page = self._paginate(request.GET.get("page"))
        self._fill_select_choices()
        self.tag_facets = self._tag_facets()
        self.active_filters = self._active_filters()
        self._declare_cache_query(request)

    def _declare_cache_query(self, request):
        """Filtered listings may be cached; free-text searches and tag combinations are
        too many to keep, so only valid filters with at most one tag are declared."""
        if self.query or len(self.tag_slugs) > 1 or self.form.errors:
            return
        params = {"tag": self.tag_slugs, **self.choices}
        if self.sort != SortOrder.NEWEST:
            params["sort"] = self.sort
        if "page" in request.GET:
            params["page"] = self.page.number
        declare_cache_query(request, params)

    def _search(self, resources):
        """Primary keys of the resources that match the query, for the other filters."""
        matches = resources.only("pk").search(self.query, operator="and", order_by_relevance=False)
        return [resource.pk for resource in matches]

    def _narrowed(self, skip=None):
        """The searched, tagged resources narrowed by every single-choice filter but `skip`."""
        filters = {FACETS[name]: value for name, value in self.choices.items() if name != skip}
        return self._searched.filter(**filters)

    def _paginate(self, number):
        rows = self.results.order_by(*ORDERING[self.sort]).prefetch_related(
            "tags",
            Prefetch(
                "thumbnail",
                queryset=get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC),
            ),
        )
        try:
            number = int(number or 1)
        except ValueError:
            number = 1
        try:
            return Paginator(rows, PER_PAGE).page(number)
        except InvalidPage as error:
            raise Http404(_("There is no such page of results.")) from error

    def _counts(self, name):
        field = FACETS[name]
        rows = self._narrowed(skip=name).order_by().values(field).annotate(n=Count("pk"))
        return {row[field]: row["n"] for row in rows}

    def _fill_select_choices(self):
        """Label each option of the type, language and year selects with its count."""
        fields = self.form.fields
        for name, labels in (("type", ResourceType), ("language", ResourceLanguage)):
            counts = self._counts(name)
            fields[name].choices = [fields[name].choices[0]] + [
                (value, f"{label} ({counts.get(value, 0)})")
                for value, label in labels.choices
                if value in counts or value == self.choices.get(name)
            ]
        counts = self._counts("year")
        if "year" in self.choices:
            counts.setdefault(self.choices["year"], 0)
        fields["year"].widget.choices = [fields["year"].widget.choices[0]] + [
            (year, f"{year} ({counts[year]})") for year in sorted(counts, reverse=True)
        ]

    def _tag_facets(self):
        """The commonest tags among the results, each a link that adds it to the filter."""
        rows = (
            ResourcePageTag.objects.filter(content_object__in=self.results.values("pk"))
            .exclude(tag__slug__in=self.tag_slugs)
            .values("tag__slug", "tag__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "tag__name")[:TAG_FACETS]
        )
        return [
            {
                "name": row["tag__name"],
                "count": row["n"],
                "url": self.url(tag=[*self.tag_slugs, row["tag__slug"]]),
            }
            for row in rows
        ]

    def _active_filters(self):
        """Each filter in force, with a link that removes it."""
        names = dict(Tag.objects.filter(slug__in=self.tag_slugs).values_list("slug", "name"))
        active = [
            {
                "label": _("Tag: %(tag)s") % {"tag": names.get(slug, slug)},
                "url": self.url(tag=[other for other in self.tag_slugs if other != slug]),
            }
            for slug in self.tag_slugs
        ]
        labels = {"type": ResourceType, "language": ResourceLanguage}
        for name, value in self.choices.items():
            label = labels[name](value).label if name in labels else value
            field_label = self.form.fields[name].label
            active.append({"label": f"{field_label}: {label}", "url": self.url(**{name: None})})
        if self.query:
            active.append(
                {"label": _("Search: %(q)s") % {"q": self.query}, "url": self.url(q=None)}
            )
        return active

    def url(self, **changes):
        """A query string for the current valid filters with `changes`, on the first page."""
        params = {"q": self.query, "tag": self.tag_slugs, **self.choices}
        if self.sort != SortOrder.NEWEST:
            params["sort"] = self.sort
        params.update(changes)
        query = urlencode({key: value for key, value in params.items() if value}, doseq=True)
        return f"{self.path}?{query}" if query else self.path

    @property
    def previous_url(self):
        return self.url(page=self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self):
        return self.url(page=self.page.next_page_number()) if self.page.has_next() else ""
