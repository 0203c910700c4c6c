"""The course index: filters, pagination and each course's enrolment state."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.caching import declare_cache_query
from core.translations import localized
from courses import access
from courses.choices import CourseStatus
from courses.models import CoursePage, Theme
from courses.phases import next_milestone, phases_of, reader_today

COURSES_PER_PAGE = 20


class CourseFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
        to_field_name="slug",
        required=False,
        empty_label=_("All thematic areas"),
        label=_("Thematic area"),
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *CourseStatus.choices], required=False, label=_("Status")
    )

    def canonical_query(self, page_number):
        """The query string this form and page number stand for (for the page cache)."""
        data = self.cleaned_data if self.is_bound else {}
        theme = data.get("theme")
        return {
            "theme": theme.slug if theme else None,
            "status": data.get("status"),
            "page": page_number if page_number != 1 or "page" in self.data else None,
        }

    def filter(self, courses):
        if not self.is_bound:
            return courses
        if not self.is_valid():
            return courses.none()
        theme, status = self.cleaned_data["theme"], self.cleaned_data["status"]
        if theme:
            courses = courses.filter(themes=theme)
        today = timezone.localdate()
        if status == CourseStatus.UPCOMING:
            courses = courses.filter(start_date__gt=today)
        elif status == CourseStatus.RUNNING:
            courses = courses.filter(start_date__lte=today, end_date__gte=today)
        elif status == CourseStatus.FINISHED:
            courses = courses.filter(end_date__lt=today)
        return courses


def course_listing(index, request):
    filters = CourseFilterForm(request.GET or None)
    courses = CoursePage.objects.child_of(index).live().public()
    courses = filters.filter(courses if index.pk else courses.none()).order_by("start_date", "path")
    courses = courses.select_related("hero_image").prefetch_related(
        "hero_image__renditions",
        Prefetch("themes", queryset=Theme.objects.select_related("locale").order_by("name")),
    )
    page = Paginator(courses, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    # Each course's themes in the reader's language, translated in one query for the page.
    shown = iter(localized(theme for course in page for theme in course.themes.all()))
    today, phases = reader_today(request), phases_of(page)
    for course in page:
        course.shown_themes = [next(shown) for _theme in course.themes.all()]
        course.next_milestone = next_milestone(phases[course.pk], today)
    if not filters.is_bound or filters.is_valid():
        declare_cache_query(request, filters.canonical_query(page.number))
    enrolments = access.load_enrolments(request.user, list(page))
    enrolled = {pk for pk, enrolment in enrolments.items() if enrolment.is_member}
    return {"filters": filters, "courses": page, "enrolled_ids": enrolled}
