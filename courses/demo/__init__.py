"""Demo collaborative: “Scaling up community mental health care”, its thematic areas,
facilitators, modules with prerequisites, workshops with agendas, follow-up pages, and
the demo learner and facilitator enrolled. `scale` makes that many courses, and from 2
on a crowd of participants (courses/demo/crowd.py).

Everything is created only when missing, so a second run changes no row.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Site

from core.demo import demo_user
from courses.choices import EnrolmentRole
from courses.demo import crowd
from courses.demo.content import GUEST_SPEAKER, PARTICIPANTS, PEOPLE, THEMES
from courses.demo.pages import create_course
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CoursePerson,
    Enrolment,
    ModuleCompletion,
    ModulePage,
    Theme,
)

COURSE_SLUG = "scaling-up-community-mental-health-care"
FACILITATORS_GROUP = "Facilitators"


def create_index(home):
    index = CourseIndexPage.objects.first()
    if index:
        return index
    return home.add_child(
        instance=CourseIndexPage(
            title="Courses",
            slug="courses",
            intro="<p>Collaboratives and courses open to primary-care teams. Each mixes live "
            "workshops with short online modules.</p>",
        )
    )


def link_home_button(home, index):
    if home.hero_cta_link_id:
        return
    home.hero_cta_link = index
    home.save_revision().publish()


def enrol_demo_users(course):
    learner = get_user_model().objects.get(username="learner")
    facilitator = get_user_model().objects.get(username="facilitator")
    Enrolment.objects.get_or_create(user=learner, course=course)
    Enrolment.objects.get_or_create(
        user=facilitator, course=course, defaults={"role": EnrolmentRole.FACILITATOR}
    )
    for slug in ("what-task-sharing-means", "adapting-to-your-context"):
        module = ModulePage.objects.child_of(course).get(slug=slug)
        ModuleCompletion.objects.get_or_create(user=learner, module=module)
    facilitator.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    username, name, organisation, country, zone = GUEST_SPEAKER
    guest, _created = demo_user(
        username, display_name=name, organisation=organisation, country=country, time_zone=zone
    )
    Enrolment.objects.get_or_create(
        user=guest, course=course, defaults={"role": EnrolmentRole.GUEST_SPEAKER}
    )


def find_library_page(home):
    library = home.get_children().filter(slug="library").first()
    if library is None:
        return None
    return library.get_children().live().first() or library


def load(scale, stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    Person = CoursePerson._meta.get_field("person").related_model  # noqa: N806
    themes = [
        Theme.objects.get_or_create(
            slug=slug, locale=Locale.get_default(), defaults={"name": name, "description": text}
        )[0]
        for name, slug, text in THEMES
    ]
    people = [
        Person.objects.get_or_create(
            name=name,
            locale=Locale.get_default(),
            defaults={"job_title": job, "organisation": org, "country": country, "bio": bio},
        )[0]
        for name, job, org, country, bio in PEOPLE
    ]
    index = create_index(home)
    library_page = find_library_page(home)
    existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
    for number in range(1, scale + 1):
        slug = COURSE_SLUG if number == 1 else f"{COURSE_SLUG}-{number}"
        title = "Scaling up community mental health care"
        if number > 1:
            title = f"{title} (cohort {number})"
        if slug not in existing:
            create_course(index, slug, title, themes, people, library_page)
    course = CoursePage.objects.child_of(index).get(slug=COURSE_SLUG)
    enrol_demo_users(course)
    create_participants(course)
    crowd.load(course, scale)
    link_home_button(home, index)
    stdout.write(f"Courses: {scale} demo course(s) at {index.url}")


def create_participants(course):
    users = []
    for username, name, organisation, country, zone in PARTICIPANTS:
        user, _created = demo_user(
            username,
            display_name=name,
            organisation=organisation,
            country=country,
            time_zone=zone,
        )
        Enrolment.objects.get_or_create(user=user, course=course)
        users.append(user)
    return users
