"""The Wagtail admin of applications.

Applications are reviewed, never created or edited here: a course's editors and its
facilitators (what `access.can_facilitate` answers) list them, read the whole
application on its inspect page and decide there: accept, wait-list or decline with an
optional message.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied as forbidden
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies.base import ModelPermissionPolicy

from applications import review as applications
from applications.choices import ApplicationStatus
from applications.forms import ANSWER_FIELDS, DecisionForm
from applications.models import Application, Invitation
from core.viewsets import ScopedViewSet
from courses import access
from courses.access import can_facilitate
from courses.choices import EnrolmentMode
from courses.models import CoursePage


class ReviewerPolicy(ModelPermissionPolicy):
    """Anyone who reviews some course's applications may list and inspect them; nobody
    adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_active:
            return False
        if not hasattr(user, "_reviews_applications"):
            user._reviews_applications = access.facilitated_courses(user).exists()
        return user._reviews_applications

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_facilitate(user, instance.course)


def country_choices():
    countries = Application.objects.order_by("country").values_list("country", flat=True)
    return [(country, country) for country in countries.distinct()]


class ApplicationFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.filter(
            Q(enrolment_mode=EnrolmentMode.APPLICATION)
            | Q(pk__in=Application.objects.values("course_id"))
        ),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=ApplicationStatus.choices
    )
    country = django_filters.ChoiceFilter(label=gettext_lazy("Country"), choices=country_choices)

    class Meta:
        model = Application
        fields = ["course", "status", "country"]


class ApplicationInspectView(InspectView):
    """The whole application, its team, its history, and the decision form (POST)."""

    template_name = "applications/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Application.objects.select_related("course", "applicant"), pk=self.pk
        )

    def dispatch(self, request, *args, **kwargs):
        # A real 403, where Wagtail would turn PermissionDenied into a redirect.
        if not can_facilitate(request.user, self.object.course):
            return forbidden(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_field_display_value(self, field_name, field):
        if isinstance(field, BooleanField):
            return _("Yes") if getattr(self.object, field_name) else _("No")
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        allowed = applications.allowed_decisions(application)
        context.update(
            team=application.team.all(),
            changes=application.status_changes.select_related("changed_by"),
            invitations=Invitation.objects.filter(member__application=application).select_related(
                "member"
            ),
            form=form or (DecisionForm(allowed=allowed) if allowed else None),
            facts=[
                fact
                for fn in hooks.get_hooks("application_review_facts")
                for fact in fn(application) or []
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        application = self.object
        allowed = applications.allowed_decisions(application)
        if not allowed:
            messages.error(request, _("This application is decided and can no longer change."))
            return self.render_to_response(self.get_context_data(), status=409)
        form = DecisionForm(request.POST, allowed=allowed)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            applications.decide(
                application,
                form.cleaned_data["decision"],
                request.user,
                form.cleaned_data["message"],
            )
        except applications.StatusConflict:
            messages.error(request, _("Someone else decided this application meanwhile."))
            return self.render_to_response(self.get_context_data(), status=409)
        messages.success(
            request,
            _("%(organisation)s: %(status)s.")
            % {
                "organisation": application.organisation,
                "status": application.get_status_display(),
            },
        )
        return redirect(request.path)


class ApplicationViewSet(ScopedViewSet):
    model = Application
    icon = "form"
    menu_label = gettext_lazy("Applications")
    menu_order = 260
    list_display = ["organisation", "course", "country", "applicant", "status", "submitted_at"]
    filterset_class = ApplicationFilterSet
    search_fields = ["organisation", "country", "practice", "applicant__display_name"]
    ordering = ["-submitted_at"]
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    form_fields = ["status"]  # ModelViewSet wants a form; ReviewerPolicy never allows it
    inspect_view_fields = [
        "course",
        "applicant",
        *ANSWER_FIELDS,
        "status",
        "submitted_at",
        "updated_at",
    ]
    list_export = [
        "organisation",
        "country",
        "course",
        "applicant",
        "applicant.email",
        "status",
        "submitted_at",
        "ready_to_adopt",
        "will_submit_metrics",
        "can_attend_all_sessions",
    ]
    export_headings = {"applicant.email": gettext_lazy("Applicant's email")}
    export_filename = "applications"

    def get_queryset(self, request):
        reviewable = access.facilitated_courses(request.user)
        return Application.objects.filter(course__in=reviewable).select_related(
            "course", "applicant"
        )
