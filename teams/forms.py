"""The admin form of a team: facilitators choose among the courses they run."""

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
        if for_user is not None and not for_user.has_perm("teams.change_team"):
            courses = courses.filter(pk__in=access.facilitated_courses(for_user).values("pk"))
        self.fields["course"].queryset = courses
