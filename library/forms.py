from django import forms
from django.utils.translation import gettext_lazy as _

from library.choices import ResourceLanguage, ResourceType, SortOrder

QUERY_MAX_LENGTH = 200
MAX_TAGS = 10


class TagSlugsField(forms.Field):
    """Repeated `?tag=` values: distinct, non-empty, at most MAX_TAGS of them."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        slugs = []
        for slug in value or []:
            slug = slug.strip()[:100]
            if slug and slug not in slugs:
                slugs.append(slug)
        if len(slugs) > MAX_TAGS:
            raise forms.ValidationError(
                _("Choose at most %(max)d tags."), params={"max": MAX_TAGS}, code="max_tags"
            )
        return slugs


class LibraryFilterForm(forms.Form):
    """The library's GET form. Invalid values are dropped from the query and shown as errors.

    The select options carry counts; `LibraryListing` fills them in after the query.
    """

    q = forms.CharField(label=_("Search the library"), required=False)
    tag = TagSlugsField(required=False)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *ResourceType.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *ResourceLanguage.choices],
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1000,
        max_value=9999,
        widget=forms.Select(choices=[("", _("Any year"))]),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.choices)

    def clean_q(self):
        # Longer queries are cut rather than refused: a pasted paragraph still searches.
        # Double quotes go: SQLite's full-text backend does not escape them inside terms.
        return self.cleaned_data["q"][:QUERY_MAX_LENGTH].replace('"', " ").strip()
