"""Teams in the Wagtail admin: editors manage every team; a course's facilitators list,
create and edit the teams of the courses they run (and move people between them by
editing the members), never another course's. Listing, filters, search, export."""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies.base import ModelPermissionPolicy

from core.viewsets import ScopedViewSet
from courses import access
from courses.models import CoursePage
from teams.choices import TeamStatus
from teams.models import Team

FACILITATOR_ACTIONS = ("add", "change", "view")


def facilitates_some_course(user):
    if not hasattr(user, "_facilitates_some_course"):
        user._facilitates_some_course = access.facilitated_courses(user).exists()
    return user._facilitates_some_course


class TeamPolicy(ModelPermissionPolicy):
    """Model permissions (the Editors group) for every team; facilitators for their
    courses' teams, as `courses.access.can_facilitate` answers."""

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in FACILITATOR_ACTIONS and user.is_active and facilitates_some_course(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in FACILITATOR_ACTIONS and access.can_facilitate(user, instance.course)


def country_choices():
    countries = Team.objects.order_by("country").values_list("country", flat=True)
    return [(country, country) for country in countries.distinct()]


class TeamFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.filter(teams__isnull=False).distinct()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TeamStatus.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=country_choices)

    class Meta:
        model = Team
        fields = ["course", "status", "country"]


class OwnTeamMixin:
    """Wagtail's object views check the model permission only: ask about this team (or
    measure: any object with a course) too, and tell someone else's facilitator nothing
    (404)."""

    team_action = "change"

    def get_object(self, *args, **kwargs):
        team = super().get_object(*args, **kwargs)
        if not TeamPolicy(self.model).user_has_permission_for_instance(
            self.request.user, self.team_action, team
        ):
            raise Http404
        return team


class TeamEditView(OwnTeamMixin, generic.EditView):
    pass


class TeamDeleteView(OwnTeamMixin, generic.DeleteView):
    team_action = "delete"


class TeamHistoryView(OwnTeamMixin, HistoryView):
    pass


class TeamUsageView(OwnTeamMixin, UsageView):
    pass


class TeamViewSet(ScopedViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    menu_order = 256
    add_to_admin_menu = True
    list_display = ["name", "organisation", "country", "course", "status"]
    filterset_class = TeamFilterSet
    search_fields = ["name", "organisation", "country", "setting"]
    list_export = ["name", "organisation", "country", "setting", "course", "status", "created_at"]
    export_filename = "teams"
    edit_view_class = TeamEditView
    delete_view_class = TeamDeleteView
    history_view_class = TeamHistoryView
    usage_view_class = TeamUsageView
    ordering = ["course__title", "name"]

    def get_queryset(self, request):
        teams = Team.objects.select_related("course")
        if request.user.has_perm("teams.view_team"):
            return teams
        return teams.filter(course__in=access.facilitated_courses(request.user))
