"""Progress through a course's modules, and the page contexts built on it.

Every function here costs a fixed number of queries whatever the number of modules,
workshops or courses: modules, prerequisite links and completions are each fetched in
one query and joined in Python.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone, translation

from core.caching import remembered
from core.translations import localized
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
        """The module's state, or None when it is not in this course (in any language)."""
        key = module.translation_key
        return next((s for s in self.states if s.module.translation_key == key), None)


def live_children_by_course(courses, model, sources=None):
    """{course id: [(original's path, live `model` child)] in tree order}, in at most
    three queries.

    A course and its translations are one course with one programme: the original
    (default-language) course's children, each replaced by its translation in the
    course's language where one is live. Untranslated items stay in English, so every
    language lists the same items, and progress, "continue" and the next session are
    the same everywhere (rather than aliases of every page in every locale)."""
    courses = [course for course in courses if course.pk]
    if not courses:
        return {}
    sources = sources or access.originals(courses)
    children = reduce(
        or_, (Q(path__startswith=s.path, depth=s.depth + 1) for s in sources.values())
    )
    originals = list(
        model.objects.live().filter(children).select_related("locale").order_by("path")
    )
    foreign = {c.locale_id for c in courses} - {s.locale_id for s in sources.values()}
    translations = {}
    if foreign and originals:
        found = model.objects.live().filter(
            translation_key__in=[child.translation_key for child in originals],
            locale_id__in=foreign,
        )
        translations = {(t.translation_key, t.locale_id): t for t in found.select_related("locale")}
    result = {}
    for course in courses:
        parent = sources[course.pk].path
        result[course.pk] = [
            (child.path, translations.get((child.translation_key, course.locale_id), child))
            for child in originals
            if child.path[: -model.steplen] == parent
        ]
    return result


def live_modules_by_course(courses):
    """{course id: [live modules in programme order]} (see `live_children_by_course`)."""
    by_course = live_children_by_course(courses, ModulePage)
    return {pk: [module for _path, module in children] for pk, children in by_course.items()}


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


def progress_for(user, courses, completed=None):
    """{course id: CourseProgress} for several courses: their structure remembered until
    something is published, the user's completions in one query (`completed`: the
    translation keys of modules the user completed, at least these courses', when the
    caller has them already)."""
    structures = {course.pk: remembered_structure(course) for course in courses if course.pk}
    prerequisites = {}
    for _modules, _workshops, required in structures.values():
        prerequisites.update(required)
    modules = {pk: [module for _path, module in s[0]] for pk, s in structures.items()}
    if completed is None:
        every_module = [module for listed in modules.values() for module in listed]
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


def programme_structure(course):
    """What every reader of a course shares: its live modules and workshops (as
    `live_children_by_course` pairs) and the modules' prerequisites."""
    sources = access.originals([course])
    modules = live_children_by_course([course], ModulePage, sources)[course.pk]
    workshops = live_children_by_course([course], WorkshopPage, sources)[course.pk]
    return modules, workshops, prerequisite_ids([module for _path, module in modules])


def remembered_structure(course):
    return remembered(f"programme:{course.pk}", lambda: programme_structure(course))


def member_workshops(user):
    """[(workshop, course)] of every live course the user is a member of, by start: from
    each course's remembered structure, remembered for the request."""

    def build():
        pairs = [
            (workshop, course)
            for course in access.member_course_list(user)
            for _path, workshop in remembered_structure(course)[1]
        ]
        return sorted(pairs, key=lambda pair: pair[0].starts_at)

    return access.remember_for_request(user, "workshops", build)


def programme_of(course, user):
    """(CourseProgress, programme, workshops) of a course: the programme is one list in
    the editor's tree order, modules and workshops interleaved, as ("module",
    ModuleState) and ("workshop", WorkshopPage) pairs. The structure comes from the
    state cache until something is published; the reader's completions cost one query."""
    if not course.pk:
        return CourseProgress(course), [], []
    modules, workshops, prerequisites = remembered_structure(course)
    only_modules = [module for _path, module in modules]
    progress = build_progress(
        course,
        only_modules,
        prerequisites,
        completed_ids(user, only_modules),
        access.tracks_progress(user, course),
    )
    states = {state.module.pk: state for state in progress.states}
    programme = [
        ("module", states[item.pk]) if item.pk in states else ("workshop", item)
        for _path, item in sorted(modules + workshops, key=lambda pair: pair[0])
    ]
    return progress, programme, [workshop for _path, workshop in workshops]


def course_page_context(course, request):
    user = request.user
    progress, programme, workshops = programme_of(course, user)
    return {
        "progress": progress,
        "programme": programme,
        "next_session": next_session(workshops),
        "role": access.course_role(user, course),
        "enrolment": access.get_enrolment(user, course),
        **shared_course_parts(course),
    }


def module_page_context(module, request):
    user = request.user
    course = module.get_course()
    if course is None:
        return {"course": None, "can_view_body": not module.is_members_only}
    progress, programme, _workshops = programme_of(course, user)
    state = progress.state_for(module) or ModuleState(module)
    can_view_body = not module.is_members_only or access.can_view_members_content(user, course)
    return {
        "course": course,
        "progress": progress,
        "state": state,
        "role": access.course_role(user, course),
        "can_view_body": can_view_body and not state.locked,
        "next_state": progress.next_state,
        "programme": programme,
    }


def workshop_page_context(workshop, request):
    course = workshop.get_course()
    progress, programme, _workshops = (
        programme_of(course, request.user) if course else (None, [], [])
    )
    return {
        "course": course,
        "progress": progress,
        "programme": programme,
        "show_join_link": bool(
            course and workshop.join_url and access.can_view_members_content(request.user, course)
        ),
    }


def follow_up_page_context(follow_up, request):
    """A follow-up's course outline, with its workshop as the current item."""
    workshop = follow_up.get_workshop()
    course = workshop.get_course() if workshop else None
    if course is None:
        return {"course": None, "workshop": workshop}
    progress, programme, _workshops = programme_of(course, request.user)
    return {"course": course, "workshop": workshop, "progress": progress, "programme": programme}


def shared_course_parts(course):
    """The course page's people and themes in the reader's language: the same for every
    reader, remembered until something is published."""

    def parts():
        return {
            "people": people_of(course) if course.pk else [],
            "themes": localized(course.themes.select_related("locale")),
        }

    if not course.pk or not course.live:
        return parts()  # a preview or a draft shows its own edits
    return remembered(f"course-parts:{course.pk}:{translation.get_language()}", parts)


def people_of(course):
    """The course's facilitator links, each with `shown_person`: the person in the reader's
    language where translated (job title, organisation), else as entered."""
    links = list(
        course.people.select_related("person__photo", "person__locale").prefetch_related(
            "person__photo__renditions"
        )
    )
    for link, person in zip(links, localized(link.person for link in links), strict=True):
        link.shown_person = person
    return links
