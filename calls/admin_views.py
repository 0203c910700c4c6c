"""Calls in the admin: editors define informational calls and consultation series
(registrations, attendance and case offers are run on the site by facilitators)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from calls.models import ConsultationSeries, InformationalCall


class InformationalCallViewSet(SnippetViewSet):
    model = InformationalCall
    icon = "date"
    menu_label = _("Informational calls")
    list_display = ["title", "course", "starts_at", "capacity"]
    list_filter = ["course"]
    search_fields = ["title"]
    ordering = ["-starts_at"]


class ConsultationSeriesViewSet(SnippetViewSet):
    model = ConsultationSeries
    icon = "repeat"
    menu_label = _("Consultation series")
    list_display = ["title", "course", "frequency", "start_time", "time_zone"]
    list_filter = ["course"]
    search_fields = ["title"]


class CallsGroup(SnippetViewSetGroup):
    items = (InformationalCallViewSet, ConsultationSeriesViewSet)
    menu_icon = "date"
    menu_label = _("Calls")
    menu_order = 258
