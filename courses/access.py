"""Who is what to a course: the one place that decides course membership.

Pages, the dashboard and the calendar use it, and so should later features (forum
access hooks, evaluations, attendance, applications, reminders) rather than querying
`Enrolment` themselves. Answers are remembered on the user object, so asking several
times during one request costs the queries once: every enrolment question of a request
shares one query of all the user's enrolments (`_enrolments`), however many courses.

Members are users with an active or completed enrolment, and editors: superusers and
users who may edit the course page in Wagtail. A withdrawn enrolment is no membership.

A course and its translations are one course: enrolments and completions are stored
against the original (default-language) page and looked up by `translation_key`, so
completing the Arabic copy of a module completes the module.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.caching import remembered
from courses.choices import CourseRole, EnrolmentRole, EnrolmentStatus
from courses.models import CoursePage, Enrolment

MEMBER_STATUSES = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


def remember_for_request(user, key, compute):
    """`compute()` once per request and user: remembered on the user object."""
    cache = user.__dict__.setdefault("_course_access_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _forget(user):
    """Drop what this request remembered after the user's enrolments changed."""
    user.__dict__.pop("_course_access_cache", None)


def _enrolments(user):
    """{course translation key: enrolment, whatever its status, with its course} of
    every enrolment of the user, in one query remembered for the request."""

    def fetch():
        rows = list(
            Enrolment.objects.filter(user=user).select_related(
                "course__locale", "course__hero_image"
            )
        )
        for enrolment in rows:
            enrolment.user = user  # the same object: no query to reach it
        return {enrolment.course.translation_key: enrolment for enrolment in rows}

    return remember_for_request(user, "enrolments", fetch)


def user_enrolments(user):
    """Every enrolment of the user, whatever its status, each with its course."""
    return list(_enrolments(user).values()) if user.is_authenticated else []


def original(page):
    """The default-language page of which `page` is a translation (or `page` itself);
    remembered until something is published, since every course section asks it."""
    if not page.pk:
        return find_original(page)
    found = remembered(f"original:{page.pk}", lambda: find_original(page))
    return page if found.pk == page.pk else found  # a preview keeps its unsaved edits


def find_original(page):
    originals = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    if page.pk and originals.filter(pk=page.pk).exists():
        return page
    return originals.specific().first() or page


def originals(pages):
    """{page id: its default-language page} for several pages, in one query; none when
    every page is in the default language and its locale is loaded already."""
    if all(_in_default_language(page) for page in pages):
        return {page.pk: page for page in pages}
    keys = {page.translation_key for page in pages}
    found = Page.objects.filter(
        translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
    )
    by_key = {page.translation_key: page for page in found}
    return {page.pk: by_key.get(page.translation_key, page) for page in pages}


def _in_default_language(page):
    return Page.locale.is_cached(page) and page.locale.language_code == settings.LANGUAGE_CODE


def get_enrolment(user, course):
    """The user's enrolment in the course, whatever its status, or None."""
    if not user.is_authenticated or not course.pk:
        return None
    return _enrolments(user).get(course.translation_key)


def is_course_editor(user, course):
    """Superusers and users with Wagtail permission to edit the course page."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Pages are edited in the admin: without access to it no page permission counts, and
    # this asks the permissions Django has already loaded for the request's user.
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    return remember_for_request(user, ("editor", course.pk), lambda: _can_edit(user, course))


def _can_edit(user, course):
    tester = course.permissions_for_user(user)  # the user's page permissions: one query
    # Without any, only a workflow task could let them edit, and Wagtail would look the
    # page's up: a query per course. The pages in moderation are one query instead.
    if not tester.permissions and str(course.pk) not in _pages_in_moderation(user):
        return False
    return tester.can_edit()


def _pages_in_moderation(user):
    page_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.active().filter(base_content_type=page_type)
    return remember_for_request(
        user, "in_moderation", lambda: set(states.values_list("object_id", flat=True))
    )


def course_role(user, course):
    """The user's strongest role in the course (a `CourseRole`), or None for non-members."""
    if is_course_editor(user, course):
        return CourseRole.EDITOR
    enrolment = get_enrolment(user, course)
    if enrolment is None or not enrolment.is_member:
        return None
    if enrolment.role == EnrolmentRole.FACILITATOR:
        return CourseRole.FACILITATOR
    return CourseRole.PARTICIPANT


def can_view_members_content(user, course):
    """Members-only modules, join links, course forums."""
    return course_role(user, course) is not None


def can_facilitate(user, course):
    """Facilitator views: participant lists, attendance, evaluation results, moderation."""
    return course_role(user, course) in (CourseRole.EDITOR, CourseRole.FACILITATOR)


def tracks_progress(user, course):
    """Participants (active or completed) have progress, locks and completion buttons."""
    enrolment = get_enrolment(user, course)
    return bool(enrolment and enrolment.is_member and enrolment.role == EnrolmentRole.PARTICIPANT)


def members(course, role=None):
    """Users with an active or completed enrolment, optionally of one `EnrolmentRole`."""
    enrolments = Enrolment.objects.filter(
        course__translation_key=course.translation_key, status__in=MEMBER_STATUSES
    )
    if role:
        enrolments = enrolments.filter(role=role)
    return get_user_model().objects.filter(pk__in=enrolments.values("user_id"))


def member_ids(course_id, roles):
    """Ids of the users with an active or completed enrolment in these roles."""
    enrolments = Enrolment.objects.filter(
        course_id=course_id, status__in=MEMBER_STATUSES, role__in=roles
    )
    return enrolments.values("user_id")


def member_roles(user_ids, course_ids):
    """{(user id, course id): role} of these users' memberships of these courses."""
    enrolments = Enrolment.objects.filter(
        user_id__in=user_ids, course_id__in=course_ids, status__in=MEMBER_STATUSES
    )
    rows = enrolments.values_list("user_id", "course_id", "role")
    return {(user_id, course_id): role for user_id, course_id, role in rows}


def activate_enrolment(user, course):
    """Make `user` an active member of the course (stored against its original), keeping
    the role of an earlier enrolment; a member stays as they are."""
    _forget(user)
    enrolment, _created = Enrolment.objects.get_or_create(user=user, course=original(course))
    if not enrolment.is_member:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=EnrolmentStatus.ACTIVE, withdrawn_at=None
        )


def withdraw(user, course):
    """End the user's membership of the course; the number of enrolments it ended."""
    _forget(user)
    return Enrolment.objects.filter(
        user=user, course__translation_key=course.translation_key, status__in=MEMBER_STATUSES
    ).update(status=EnrolmentStatus.WITHDRAWN, withdrawn_at=timezone.now())


def member_courses(user):
    """Live courses the user is enrolled in (active or completed), by start date."""
    if not user.is_authenticated:
        return CoursePage.objects.none()
    enrolled = Enrolment.objects.filter(user=user, status__in=MEMBER_STATUSES)
    courses = CoursePage.objects.live().filter(pk__in=enrolled.values("course_id"))
    return courses.order_by("start_date", "path")


def member_course_list(user):
    """`member_courses` as a list, from the request's one query of enrolments (with each
    course's locale and hero image), so panels and hooks share it."""
    if not user.is_authenticated:
        return []
    courses = [e.course for e in _enrolments(user).values() if e.is_member and e.course.live]
    return sorted(courses, key=lambda course: (course.start_date, course.path))


def load_enrolments(user, courses):
    """{course id: enrolment} of the user's enrolments in several courses, from the
    request's one query of enrolments."""
    if not user.is_authenticated:
        return {}
    enrolments = _enrolments(user)
    return {
        course.pk: enrolments[course.translation_key]
        for course in courses
        if course.translation_key in enrolments
    }


def facilitated_courses(user):
    """The courses for which `can_facilitate` holds, as one query: the course pages the
    user may edit in Wagtail and those they facilitate. Feature listings (enrolments,
    attendance, applications) scope their rows by these."""
    if not user.is_authenticated or not user.is_active:
        return CoursePage.objects.none()
    edited = PagePermissionPolicy(CoursePage).instances_user_has_permission_for(user, "change")
    facilitated = Enrolment.objects.filter(
        user=user, role=EnrolmentRole.FACILITATOR, status__in=MEMBER_STATUSES
    )
    return CoursePage.objects.filter(
        Q(pk__in=edited.values("pk")) | Q(pk__in=facilitated.values("course_id"))
    )
