"""Where each team (collaborative) or participant (community) stands on its course's
pre-work: the one place that decides done, to do and overdue.

An owner is a team or a participant; an item is due `due_days` after the owner was
accepted (the team's creation, the participant's enrolment). A fixed number of queries
whatever the number of items, owners and courses: the owners, the ticks, the module
completions and the baseline values (each spared when the caller has it already); the
items with their modules are remembered for every reader (`course_items`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from core.caching import remembered
from courses import access
from courses.choices import EnrolmentRole
from courses.models import Enrolment, ModuleCompletion
from improvement.models import Measure, MonthlyValue
from prework.choices import PreworkKind, PreworkState
from prework.models import PreworkItem, PreworkTick
from teams.choices import TeamStatus
from teams.models import Team, TeamMember


@dataclass
class Owner:
    """A team, or a participant of a learning community, in one (original) course."""

    course_id: int
    accepted_on: date
    team: Team | None = None
    user: object = None
    member_ids: list = field(default_factory=list)  # whose module completions count

    @property
    def key(self):
        return ("team", self.team.pk) if self.team else ("user", self.user.pk)

    @property
    def name(self):
        return self.team.name if self.team else str(self.user)


@dataclass
class ItemState:
    item: PreworkItem
    due_on: date
    state: str

    @property
    def is_done(self):
        return self.state == PreworkState.DONE

    @property
    def label(self):
        return PreworkState(self.state).label


# Bumped by every change of an item or of its modules (prework.apps).
ITEMS_SCOPE = "prework-items"


def course_items(course_ids):
    """{course id: [items in order]} of original courses: what every reader of a course
    shares, remembered until an item changes or something is published."""
    return {course_id: _remembered_items(course_id) for course_id in course_ids}


def _remembered_items(course_id):
    def build():
        return list(PreworkItem.objects.filter(course_id=course_id).prefetch_related("modules"))

    return remembered(f"prework-items:{course_id}", build, scopes=[ITEMS_SCOPE])


def team_owners(teams, member_ids=None):
    """Owners for teams (a queryset or list of Team, kept in its order), their user
    members loaded in one query unless the caller has them ({team id: [user ids]})."""
    teams = list(teams)
    if member_ids is None and teams:
        members = TeamMember.objects.filter(team__in=teams, user__isnull=False)
        member_ids = defaultdict(list)
        for team_id, user_id in members.values_list("team_id", "user_id"):
            member_ids[team_id].append(user_id)
    member_ids = defaultdict(list, member_ids or {})
    return [
        Owner(
            course_id=team.course_id,
            accepted_on=timezone.localdate(team.created_at),
            team=team,
            member_ids=member_ids[team.pk],
        )
        for team in teams
    ]


def person_owners(enrolments):
    return [
        Owner(
            course_id=enrolment.course_id,
            accepted_on=timezone.localdate(enrolment.enrolled_at),
            user=enrolment.user,
            member_ids=[enrolment.user_id],
        )
        for enrolment in enrolments
    ]


def course_owners(course):
    """Every active team of a collaborative, or every participant of a community."""
    course = access.original(course)
    if course.has_teams:
        teams = Team.objects.filter(course=course, status=TeamStatus.ACTIVE)
        return team_owners(teams.order_by("name"))
    enrolments = Enrolment.objects.filter(
        course=course, role=EnrolmentRole.PARTICIPANT, status__in=access.MEMBER_STATUSES
    ).select_related("user")
    return person_owners(enrolments.order_by("user__display_name", "user__username"))


def _ticked(owners, items):
    teams = [owner.team for owner in owners if owner.team]
    users = [owner.user for owner in owners if owner.user]
    ticks = PreworkTick.objects.filter(item__in=items).filter(
        Q(team__in=teams) | Q(user__in=users, team__isnull=True)
    )
    return {
        (("team", tick.team_id) if tick.team_id else ("user", tick.user_id), tick.item_id)
        for tick in ticks
    }


def _completions(owners, items):
    modules = {module.pk for item in items for module in item.modules.all()}
    users = {user_id for owner in owners for user_id in owner.member_ids}
    if not modules or not users:
        return set()
    rows = ModuleCompletion.objects.filter(user__in=users, module__in=modules)
    return set(rows.values_list("user_id", "module_id"))


def _baseline_months(owners, items):
    """{(team id, measure id): months entered} and {course id: [required measure ids]}."""
    teams = [owner.team for owner in owners if owner.team]
    if not teams or not any(item.kind == PreworkKind.BASELINE for item in items):
        return Counter(), {}
    courses = {owner.course_id for owner in owners if owner.team}
    measures = defaultdict(list)
    for measure in Measure.objects.filter(course__in=courses, required=True).only("course_id"):
        measures[measure.course_id].append(measure.pk)
    values = MonthlyValue.objects.filter(team__in=teams, numerator__isnull=False)
    counts = Counter(values.values_list("team_id", "measure_id"))
    return counts, measures


def is_done(item, owner, ticked, completions, counts, measures):
    if item.kind == PreworkKind.MANUAL:
        return (owner.key, item.pk) in ticked
    if item.kind == PreworkKind.MODULES:
        modules = [module.pk for module in item.modules.all()]
        return bool(owner.member_ids and modules) and all(
            (user_id, module_id) in completions
            for user_id in owner.member_ids
            for module_id in modules
        )
    required = measures.get(owner.course_id, [])
    return bool(owner.team and required) and all(
        counts[(owner.team.pk, measure_id)] >= item.baseline_months for measure_id in required
    )


def baseline_from(measures, values):
    """What `_baseline_months` finds, from measures and values the caller has already:
    {course id: [measures]} and {team id: {(measure id, month): value}}."""
    counts = Counter(
        (team_id, measure_id)
        for team_id, team_values in values.items()
        for (measure_id, _month), value in team_values.items()
        if value.numerator is not None
    )
    required = {
        course_id: [measure.pk for measure in group if measure.required]
        for course_id, group in measures.items()
    }
    return counts, required


def states(owners, items_by_course, today=None, baseline=None, completions=None):
    """{owner key: [ItemState]} for owners of any courses, in the items' order.
    `baseline`: `baseline_from` the owners' teams' data, and `completions`: the owners'
    members' {(user id, module id)} (at least of the items' modules), when the caller
    has them."""
    today = today or timezone.localdate()
    items = [item for owner in owners for item in items_by_course.get(owner.course_id, [])]
    if not items:
        return {owner.key: [] for owner in owners}
    ticked = _ticked(owners, items)
    if completions is None:
        completions = _completions(owners, items)
    counts, measures = baseline or _baseline_months(owners, items)
    found = {}
    for owner in owners:
        rows = []
        for item in items_by_course.get(owner.course_id, []):
            due_on = owner.accepted_on + timedelta(days=item.due_days)
            if is_done(item, owner, ticked, completions, counts, measures):
                state = PreworkState.DONE
            else:
                state = PreworkState.OVERDUE if due_on < today else PreworkState.TO_DO
            rows.append(ItemState(item, due_on, state))
        found[owner.key] = rows
    return found
