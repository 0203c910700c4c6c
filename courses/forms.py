import zoneinfo

from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class SiblingModulesForm(WagtailAdminPageForm):
    """Page form whose module pickers offer only the modules of the same course.

    A choice outside that list (another course's module, the page itself) is refused by
    the field as an invalid choice.
    """

    sibling_module_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        module_page = apps.get_model("courses", "ModulePage")
        course = self.parent_page
        siblings = module_page.objects.child_of(course) if course else module_page.objects.none()
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        for name in self.sibling_module_fields:
            if name in self.fields:
                self.fields[name].queryset = siblings.order_by("path")


class ModulePageForm(SiblingModulesForm):
    sibling_module_fields = ("prerequisites",)

    def clean_prerequisites(self):
        """Refuse a chain that leads back to this module: it could never be unlocked."""
        chosen = self.cleaned_data["prerequisites"]
        if not self.instance.pk or not chosen:
            return chosen
        through = apps.get_model("courses", "ModulePage").prerequisites.through
        edges = {}
        rows = through.objects.filter(from_modulepage__in=self.fields["prerequisites"].queryset)
        for source, target in rows.values_list("from_modulepage", "to_modulepage"):
            edges.setdefault(source, set()).add(target)
        edges[self.instance.pk] = {module.pk for module in chosen}
        seen, stack = set(), list(edges[self.instance.pk])
        while stack:
            current = stack.pop()
            if current == self.instance.pk:
                raise forms.ValidationError(
                    _("These prerequisites lead back to this module, so it could never open.")
                )
            if current not in seen:
                seen.add(current)
                stack.extend(edges.get(current, ()))
        return chosen


class WorkshopPageForm(SiblingModulesForm):
    """Editors type a workshop's times as the clock at the venue shows them, whatever
    their own time zone: the form reads and writes them in the workshop's time zone."""

    sibling_module_fields = ("prework",)
    local_time_fields = ("starts_at", "ends_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self._zone(self.instance.time_zone)
        for name in self.local_time_fields:
            value = getattr(self.instance, name)
            if value and zone:
                self.initial[name] = timezone.make_naive(value, zone)

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        zone = self._zone(cleaned.get("time_zone"))
        if zone:
            # The field parsed the input in the editor's time zone; keep the wall-clock
            # reading and attach the venue's zone instead.
            for name in self.local_time_fields:
                value = cleaned.get(name)
                if value:
                    wall_clock = timezone.make_naive(value, timezone.get_current_timezone())
                    cleaned[name] = timezone.make_aware(wall_clock, zone)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The workshop must end after it starts."))
        return cleaned


class CoursePageForm(WagtailAdminPageForm):
    """Refuses phases that overlap: a course is in one phase on any day."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("phases")
        if formset is None:
            return cleaned
        kept = [
            form
            for form in formset.forms
            if form.is_valid()
            and form.cleaned_data.get("starts_on")
            and not form.cleaned_data.get("DELETE")
        ]
        kept.sort(key=lambda form: form.cleaned_data["starts_on"])
        for earlier, later in zip(kept, kept[1:], strict=False):
            if later.cleaned_data["starts_on"] <= earlier.cleaned_data["ends_on"]:
                later.add_error(
                    "starts_on",
                    _("This phase overlaps “%(phase)s”: start it after that one ends.")
                    % {"phase": earlier.instance.label},
                )
        return cleaned
