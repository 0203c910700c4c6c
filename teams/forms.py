"""The admin form of a team (and of a measure, in improvement): facilitators choose among
the collaborative courses they run; holders of the model's change permission (editors),
among every collaborative course."""

from django.conf import settings
from wagtail.admin.forms import WagtailAdminModelForm

from courses import access
from courses.choices import ProgrammeForm


class TeamAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        courses = self.fields["course"].queryset.filter(
            programme_form=ProgrammeForm.COLLABORATIVE, locale__language_code=settings.LANGUAGE_CODE
        )
        opts = self._meta.model._meta
        change = f"{opts.app_label}.change_{opts.model_name}"
        if for_user is not None and not for_user.has_perm(change):
            courses = courses.filter(pk__in=access.facilitated_courses(for_user).values("pk"))
        self.fields["course"].queryset = courses
