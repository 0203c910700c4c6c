"""The Wagtail admin of applications, session messages and reminder deliveries.

Applications are reviewed, never created or edited here: a course's editors and its
facilitators (what `access.can_facilitate` answers) list them, read the whole
application on its inspect page and decide there: accept, wait-list or decline with an
optional message. Session messages and the delivery counts of reminders belong to
editors of course pages.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied as forbidden
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses import applications
from courses.access import can_facilitate, is_course_editor
from courses.application_forms import ANSWER_FIELDS, DecisionForm
from courses.choices import ApplicationStatus, DeliveryStatus, EnrolmentMode
from courses.models import (
    Application,
    CoursePage,
    FollowUpPage,
    FollowUpReminder,
    Invitation,
    SessionMessage,
)
from courses.reminders import with_delivery_counts

course_pages = PagePermissionPolicy(CoursePage)


def edits_courses(user):
    return course_pages.user_has_permission(user, "change")


class ReviewerPolicy(ModelPermissionPolicy):
    """Anyone who reviews some course's applications may list and inspect them; nobody
    adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_active:
            return False
        if not hasattr(user, "_reviews_applications"):
            user._reviews_applications = applications.reviewable_courses(user).exists()
        return user._reviews_applications

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_facilitate(user, instance.course)


class CourseEditorPolicy(ModelPermissionPolicy):
    """Users who may edit course pages in Wagtail may do `actions`; on one instance,
    only if they may edit its course."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and edits_courses(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and is_course_editor(user, instance.course)


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

    template_name = "courses/applications/admin/inspect.html"

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
            emailed = applications.decide(
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
        if not emailed:
            messages.warning(request, _("The decision is saved, but its emails could not be sent."))
        return redirect(request.path)


class ScopedIndexView(IndexView):
    """A listing of only the rows its viewset's `get_queryset(request)` returns."""

    scope = None

    def get_base_queryset(self):
        return self.scope(self.request)


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(scope=self.get_queryset, **kwargs)

    def get_queryset(self, request):
        raise NotImplementedError


class ApplicationViewSet(ScopedViewSet):
    model = Application
    icon = "form"
    menu_label = gettext_lazy("Applications")
    add_to_admin_menu = False
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
        reviewable = applications.reviewable_courses(request.user)
        return Application.objects.filter(course__in=reviewable).select_related(
            "course", "applicant"
        )


def count_column(status):
    return Column(f"{status}_count", label=DeliveryStatus(status).label)


COUNT_COLUMNS = [count_column(status) for status in DeliveryStatus]


class SessionMessageViewSet(ScopedViewSet):
    model = SessionMessage
    icon = "mail"
    menu_label = gettext_lazy("Session messages")
    add_to_admin_menu = False
    list_display = ["subject", "course", "send_at", *COUNT_COLUMNS]
    list_filter = ["course"]
    search_fields = ["subject", "body"]
    ordering = ["-send_at"]

    def get_queryset(self, request):
        edited = course_pages.instances_user_has_permission_for(request.user, "change")
        scheduled = SessionMessage.objects.filter(course__in=edited).select_related("course")
        return with_delivery_counts(scheduled)


class ReminderDeliveriesViewSet(ScopedViewSet):
    """How each follow-up page's reminders went out: read-only counts."""

    model = FollowUpReminder
    name = "reminder_deliveries"
    icon = "mail"
    menu_label = gettext_lazy("Reminders sent")
    add_to_admin_menu = False
    list_display = [
        "subject",
        Column("page", label=gettext_lazy("Follow-up page"), accessor="page.title"),
        "days_after",
        *COUNT_COLUMNS,
    ]
    search_fields = ["subject", "page__title"]
    ordering = ["page__path", "sort_order"]

    def get_queryset(self, request):
        pages = PagePermissionPolicy(FollowUpPage).instances_user_has_permission_for(
            request.user, "change"
        )
        reminders = FollowUpReminder.objects.filter(page__in=pages).select_related("page")
        return with_delivery_counts(reminders)


class ApplicationsAdminGroup(ViewSetGroup):
    menu_label = gettext_lazy("Applications & reminders")
    menu_icon = "form"
    menu_order = 260
    items = (ApplicationViewSet, SessionMessageViewSet, ReminderDeliveriesViewSet)
