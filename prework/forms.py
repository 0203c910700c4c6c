"""The admin form of a pre-work item: a course of the default language, the modules of
that course only, and an automatic check that fits the course's form."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import ModulePage
from prework.choices import PreworkKind


class PreworkItemForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = self.fields["course"].queryset.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        self.fields["modules"].queryset = ModulePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("path")

    def clean(self):
        cleaned = super().clean()
        course, kind = cleaned.get("course"), cleaned.get("kind")
        modules = cleaned.get("modules") or []
        if course is None:
            return cleaned
        if kind == PreworkKind.MODULES:
            if not modules:
                self.add_error("modules", _("Choose the modules to complete."))
            elif any(not module.is_descendant_of(course) for module in modules):
                self.add_error("modules", _("Choose modules of this course only."))
        if kind == PreworkKind.BASELINE and not course.has_teams:
            self.add_error("kind", _("A learning community has no measures: choose another kind."))
        return cleaned
