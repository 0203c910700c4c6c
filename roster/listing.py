"""/roster/: who is listed, the filters, and one page of entries for a fixed number of
queries whatever the size of the roster (the page's languages and certificates are
fetched for all its entries at once)."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.translations import localized
from courses.choices import EnrolmentStatus
from courses.models import Certificate, CoursePage
from roster.choices import SpokenLanguage
from roster.models import RosterEntry

PER_PAGE = 20


def held_certificates():
    """Certificates that verify: those of completed enrolments."""
    return Certificate.objects.filter(enrolment__status=EnrolmentStatus.COMPLETED)


def listed_entries():
    """Entries shown to anyone: not hidden, of an active account that holds a certificate."""
    holds = held_certificates().filter(enrolment__user=OuterRef("user"))
    return RosterEntry.objects.filter(Exists(holds), hidden=False, user__is_active=True)


class RosterFilters(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    practice = forms.ChoiceField(label=_("Practice"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *SpokenLanguage.choices],
    )

    def __init__(self, data, entries):
        super().__init__(data)
        countries = entries.order_by("country").values_list("country", flat=True).distinct()
        self.fields["country"].choices = [("", _("Any country"))] + [(c, c) for c in countries]
        courses = CoursePage.objects.filter(
            pk__in=held_certificates()
            .filter(enrolment__user__roster_entry__in=entries)
            .values("enrolment__course")
        ).order_by("title")
        self.fields["practice"].choices = [("", _("Any practice"))] + [
            (course.slug, course.title) for course in localized(courses)
        ]

    def filter(self, entries):
        data = self.cleaned_data
        if data["q"]:
            words = Q()
            for field in ("name", "organisation", "city"):
                words |= Q(**{f"{field}__icontains": data["q"]})
            entries = entries.filter(words)
        if data["country"]:
            entries = entries.filter(country=data["country"])
        if data["language"]:
            entries = entries.filter(languages__language=data["language"])
        if data["practice"]:
            trained = held_certificates().filter(
                enrolment__user=OuterRef("user"), enrolment__course__slug=data["practice"]
            )
            entries = entries.filter(Exists(trained))
        return entries


def with_practices(entries):
    """Each entry with `certificates`: [(course in the reader's language, code)]."""
    entries = list(entries)
    certificates = list(
        held_certificates()
        .filter(enrolment__user_id__in=[entry.user_id for entry in entries])
        .select_related("enrolment__course")
        .order_by("issued_at")
    )
    courses = localized({c.enrolment.course for c in certificates})
    titles = {course.translation_key: course for course in courses}
    by_user = {}
    for certificate in certificates:
        course = titles.get(certificate.enrolment.course.translation_key)
        by_user.setdefault(certificate.enrolment.user_id, []).append((course, certificate.code))
    for entry in entries:
        entry.certificates = by_user.get(entry.user_id, [])
    return entries


def roster_page(request):
    """(filters form, page of entries) or (form with errors, None)."""
    entries = listed_entries()
    filters = RosterFilters(request.GET, entries)
    if not filters.is_valid():
        return filters, None
    found = filters.filter(entries).distinct().order_by("name", "pk")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = with_practices(page.object_list.prefetch_related("languages"))
    return filters, page
