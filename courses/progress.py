"""Progress through a course's modules, and the page contexts built on it.

Every function here costs a fixed number of queries whatever the number of modules,
workshops or courses: modules, prerequisite links and completions are each fetched in
one query and joined in Python.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone

from courses import access
from courses.models import CoursePage, ModuleCompletion, ModulePage, WorkshopPage


@dataclass(frozen=True)
class ModuleState:
    module: ModulePage
    completed: bool = False
    # Prerequisites not yet completed, in course order; empty when the module is open.
    blockers: tuple = ()

    @property
    def locked(self):
        return bool(self.blockers)


@dataclass
class CourseProgress:
    course: CoursePage
    states: list = field(default_factory=list)
    tracked: bool = False  # False for visitors, editors and facilitators: no bar, no locks

    @property
    def total(self):
        return len(self.states)

    @property
    def done(self):
        return sum(state.completed for state in self.states)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def next_state(self):
        """The module to continue with: the first one neither completed nor locked."""
        return next((s for s in self.states if not s.completed and not s.locked), None)

    def state_for(self, module):
        return next((s for s in self.states if s.module.pk == module.pk), ModuleState(module))


def live_modules_by_course(courses):
    """{course id: [live modules in tree order]} in one query."""
    courses = [course for course in courses if course.pk]
    if not courses:
        return {}
    children = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
    by_path = {course.path: course.pk for course in courses}
    result = {course.pk: [] for course in courses}
    for module in ModulePage.objects.live().filter(children).order_by("path"):
        result[by_path[module.path[: -ModulePage.steplen]]].append(module)
    return result


def prerequisite_ids(modules):
    """{module id: translation keys of its prerequisites} (a translated module's
    prerequisites may still point at the original modules)."""
    through = ModulePage.prerequisites.through
    links = through.objects.filter(from_modulepage__in=[m.pk for m in modules])
    result = {}
    pairs = links.values_list("from_modulepage", "to_modulepage__translation_key")
    for module_id, required_key in pairs:
        result.setdefault(module_id, set()).add(required_key)
    return result


def completed_ids(user, modules):
    """Translation keys of the modules the user completed, in any language."""
    if not user.is_authenticated or not modules:
        return set()
    keys = [m.translation_key for m in modules]
    done = ModuleCompletion.objects.filter(user=user, module__translation_key__in=keys)
    return set(done.values_list("module__translation_key", flat=True))


def build_progress(course, modules, prerequisites, completed, tracked):
    states = []
    for module in modules:
        required = prerequisites.get(module.pk, set())
        blockers = (
            tuple(
                m
                for m in modules
                if m.translation_key in required and m.translation_key not in completed
            )
            if tracked
            else ()
        )
        states.append(ModuleState(module, module.translation_key in completed, blockers))
    return CourseProgress(course, states, tracked)


def progress_for(user, courses):
    """{course id: CourseProgress} for several courses, in a fixed number of queries."""
    modules = live_modules_by_course(courses)
    every_module = [m for course_modules in modules.values() for m in course_modules]
    prerequisites = prerequisite_ids(every_module)
    completed = completed_ids(user, every_module)
    return {
        course.pk: build_progress(
            course,
            modules.get(course.pk, []),
            prerequisites,
            completed,
            access.tracks_progress(user, course),
        )
        for course in courses
    }


def next_session(workshops):
    """The first workshop that has not ended yet."""
    now = timezone.now()
    upcoming = [w for w in workshops if w.ends_at >= now]
    return min(upcoming, key=lambda w: w.starts_at, default=None)


def course_page_context(course, request):
    user = request.user
    progress = progress_for(user, [course])[course.pk] if course.pk else CourseProgress(course)
    workshops = list(WorkshopPage.objects.child_of(course).live()) if course.pk else []
    # One programme list in the editor's tree order: modules and workshops interleaved.
    programme = sorted(
        [("module", state) for state in progress.states] + [("workshop", w) for w in workshops],
        key=lambda item: item[1].module.path if item[0] == "module" else item[1].path,
    )
    return {
        "progress": progress,
        "programme": programme,
        "next_session": next_session(workshops),
        "role": access.course_role(user, course),
        "enrolment": access.get_enrolment(user, course),
        "people": (
            course.people.select_related("person__photo").prefetch_related(
                "person__photo__renditions"
            )
            if course.pk
            else []
        ),
        "themes": course.themes.all(),
    }


def module_page_context(module, request):
    user = request.user
    course = module.get_course()
    if course is None:
        return {"course": None, "can_view_body": not module.is_members_only}
    progress = progress_for(user, [course])[course.pk]
    state = progress.state_for(module)
    can_view_body = not module.is_members_only or access.can_view_members_content(user, course)
    return {
        "course": course,
        "progress": progress,
        "state": state,
        "role": access.course_role(user, course),
        "can_view_body": can_view_body and not state.locked,
        "next_state": progress.next_state,
    }


def workshop_page_context(workshop, request):
    course = workshop.get_course()
    return {
        "course": course,
        "show_join_link": bool(
            course and workshop.join_url and access.can_view_members_content(request.user, course)
        ),
    }
