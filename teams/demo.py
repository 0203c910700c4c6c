"""Demo teams: the demo course is a collaborative of five teams, from Pakistan, Egypt,
Iran, Jordan and the UK, made of the demo participants. The demo learner is a clinician
and the data contact of the Karachi team; the demo facilitator sees every team.

Teams and members are created only when missing, so a second run changes nothing.
"""

from django.contrib.auth import get_user_model

from courses.demo import COURSE_SLUG
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


def load(scale, stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return
    usernames = [username for spec in TEAMS for username, _roles in spec[-1]]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    teams = [create_team(course, spec, users) for spec in TEAMS]
    stdout.write(f"Teams: {len(teams)} teams in {course.title} at {course.url}teams/")
