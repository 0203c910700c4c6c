"""Each course has its own forum, and the course's membership decides who takes part.

The forum app asks through its `forums_can_*` hooks (forums/access.py); this module
answers them for course pages and creates a course's forum when it is first published.
"""

from django.utils.text import slugify
from wagtail import hooks

from courses import access
from courses.choices import EnrolmentRole
from courses.models import CoursePage, Enrolment
from forums.choices import Scope
from forums.models import Forum


def unique_forum_slug(base):
    base = slugify(base, allow_unicode=True)[:70] or "course"
    slug, n = base, 1
    while Forum.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def ensure_course_forum(course):
    """The forum of the course, shared by all its translations."""
    course = access.original(course)
    forum = Forum.objects.filter(page=course).first()
    if forum is None:
        forum = Forum.objects.create(
            page=course,
            scope=Scope.PAGE,
            name=course.title[:200],
            slug=unique_forum_slug(course.slug),
            description=course.intro,
        )
    return forum


def create_forum_on_first_publish(sender, instance, **kwargs):
    ensure_course_forum(instance)


BADGED_ROLES = [EnrolmentRole.FACILITATOR, EnrolmentRole.GUEST_SPEAKER]


def is_course(page):
    return issubclass(page.specific_class or object, CoursePage)


@hooks.register("forums_can_view")
@hooks.register("forums_can_post")
def members_take_part(user, page):
    if not is_course(page):
        return None
    return access.can_view_members_content(user, page)


@hooks.register("forums_can_moderate")
def facilitators_moderate(user, page):
    if not is_course(page):
        return None
    return access.can_facilitate(user, page)


@hooks.register("forums_author_badges")
def role_badges(page, user_ids):
    """The course's facilitators and guest speakers carry their role on their posts."""
    if not is_course(page):
        return None
    badged = Enrolment.objects.filter(
        course_id=page.pk,
        user_id__in=user_ids,
        role__in=BADGED_ROLES,
        status__in=access.MEMBER_STATUSES,
    ).values_list("user_id", "role")
    return {user_id: EnrolmentRole(role).label for user_id, role in badged}


@hooks.register("forums_member_since")
def enrolled_since(user, pages):
    """Unread posts in a course forum count from the member's enrolment."""
    if not user.is_authenticated:
        return None
    enrolments = access.load_enrolments(user, pages)
    return {pk: e.enrolled_at for pk, e in enrolments.items() if e.is_member}
