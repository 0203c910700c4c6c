"""Demo teams: the demo course is a collaborative of five teams, from Pakistan, Egypt,
Iran, Jordan and the UK, made of the demo participants. The demo learner is a clinician
and the data contact of the Karachi team; the demo facilitator sees every team.

At --scale N ≥ 2, 5 × (N − 1) more teams of six are made from the crowd
(courses/demo/crowd.py), each from one country: 50 teams at --scale 10.

Teams and members are created only when missing, so a second run changes nothing.
"""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from courses.demo import COURSE_SLUG, crowd
from courses.models import CoursePage
from teams.models import Team, TeamMember

TEAMS = [
    # slug, name, organisation, country, setting, named to peers, [(username, roles)]
    (
        "karachi",
        "Karachi LHW team",
        "Karachi Lady Health Worker Programme",
        "Pakistan",
        "Community health workers, district programme",
        True,
        [
            ("ayesha.siddiqui", ["senior_leader"]),
            ("imran.raza", ["supervisor"]),
            ("learner", ["clinician", "data_contact"]),
        ],
    ),
    (
        "kasr-al-ainy",
        "Kasr Al Ainy team",
        "Kasr Al Ainy primary care unit",
        "Egypt",
        "Primary care clinic",
        True,
        [("nour.elsayed", ["senior_leader", "data_contact"]), ("mohamed.fathy", ["clinician"])],
    ),
    (
        "shiraz",
        "Shiraz district team",
        "Shiraz District Health Network",
        "Iran",
        "District health service",
        False,  # appears to the other teams as “a team”
        [
            ("reza.ahmadi", ["senior_leader", "supervisor"]),
            ("maryam.hosseini", ["clinician", "data_contact"]),
        ],
    ),
    (
        "irbid",
        "Irbid CMHC team",
        "Irbid Community Mental Health Centre",
        "Jordan",
        "Community mental health centre",
        True,
        [
            ("lina.alkhatib", ["senior_leader", "clinician"]),
            ("omar.nasser", ["supervisor", "data_contact"]),
        ],
    ),
    (
        "manchester",
        "Manchester team",
        "Manchester Talking Therapies",
        "United Kingdom",
        "Primary care psychological therapies service",
        True,
        [("sarah.thompson", ["supervisor", "data_contact"]), ("gareth.evans", ["clinician"])],
    ),
]


def create_team(course, spec, users):
    slug, name, organisation, country, setting, named, members = spec
    team, _created = Team.objects.get_or_create(
        course=course,
        slug=slug,
        defaults={
            "name": name,
            "organisation": organisation,
            "country": country,
            "setting": setting,
            "named_to_peers": named,
        },
    )
    for username, roles in members:
        user = users.get(username)
        if user:
            TeamMember.objects.get_or_create(
                team=team, user=user, defaults={f"is_{role}": True for role in roles}
            )
    return team


CROWD_TEAM_SIZE = 6
# Roles of a crowd team's members, in order; the rest are clinicians.
CROWD_ROLES = [["senior_leader"], ["supervisor"], ["clinician", "data_contact"]]


def crowd_roles(position):
    return CROWD_ROLES[position] if position < len(CROWD_ROLES) else ["clinician"]


def crowd_teams(scale):
    """(slug, name, organisation, country, participant numbers) of each crowd team:
    team k is from the k-th country in turn, its members the next six of that country."""
    countries = len(crowd.COUNTRY_NAMES)
    specs = []
    for k in range(countries * (scale - 1)):
        round_, country = divmod(k, countries)
        numbers = [
            country + countries * (CROWD_TEAM_SIZE * round_ + j) for j in range(CROWD_TEAM_SIZE)
        ]
        organisation = crowd.person(numbers[0])[2]
        name = f"{organisation}, team {round_ + 1}"
        specs.append((slugify(name), name, organisation, crowd.COUNTRY_NAMES[country], numbers))
    return specs


def create_crowd_teams(course, scale):
    specs = crowd_teams(scale)
    Team.objects.bulk_create(
        [
            Team(course=course, slug=slug, name=name, organisation=organisation,
                 country=country, setting="Primary care clinic", named_to_peers=True)
            for slug, name, organisation, country, _numbers in specs
        ],
        ignore_conflicts=True,
    )  # fmt: skip
    slugs = [spec[0] for spec in specs]
    teams = {team.slug: team for team in Team.objects.filter(course=course, slug__in=slugs)}
    people = crowd.users(scale)
    TeamMember.objects.bulk_create(
        [
            TeamMember(team=teams[slug], user=people[number],
                       **{f"is_{role}": True for role in crowd_roles(j)})
            for slug, *_rest, numbers in specs
            for j, number in enumerate(numbers)
        ],
        ignore_conflicts=True,
        batch_size=500,
    )  # fmt: skip
    return list(teams.values())


def load(scale, stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return
    usernames = [username for spec in TEAMS for username, _roles in spec[-1]]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    teams = [create_team(course, spec, users) for spec in TEAMS]
    teams += create_crowd_teams(course, scale)
    stdout.write(f"Teams: {len(teams)} teams in {course.title} at {course.url}teams/")
