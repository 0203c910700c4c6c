"""A bulk action on the tag listing: merge the selected tags into one of them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from library.tags import merge_tags


class MergeTagsForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Keep this tag"),
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Every resource tagged with the other selected tags gets this one instead."),
    )


class MergeTagsBulkAction(SnippetBulkAction):
    display_name = _("Merge")
    action_type = "merge"
    aria_label = _("Merge the selected tags into one")
    template_name = "library/bulk_actions/confirm_merge_tags.html"
    action_priority = 20
    form_class = MergeTagsForm
    models = [Tag]

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["into"].queryset = Tag.objects.filter(
            pk__in=self.request.GET.getlist("id")
        ).order_by("name")
        return form

    def check_perm(self, tag):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", tag
        )

    def get_execution_context(self):
        return {"into": self.cleaned_form.cleaned_data["into"]}

    @classmethod
    def execute_action(cls, objects, into=None, **kwargs):
        return merge_tags(objects, into), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d tag merged into “%(into)s”.",
            "%(count)d tags merged into “%(into)s”.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "into": self.cleaned_form.cleaned_data["into"]}
