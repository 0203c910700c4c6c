"""The crowd of `load_demo --scale N` (N ≥ 2): 200 × N generated participants of the demo
course, from the collaborative's five countries, so that every table grows with N for
performance work. Scale 1 has no crowd: a newcomer meets only the named people.

Everything is derived from a participant's number (no randomness), written with
`bulk_create` and found again by username, so a second run adds no row. Feature apps
grow their own tables for the crowd through `people(scale)` and `users(scale)`.
"""

from django.contrib.auth import get_user_model

from core.demo import demo_password_hash
from courses.models import Enrolment, ModuleCompletion, ModulePage

PER_SCALE = 200

# country: (time zone, first names, family names, organisations)
COUNTRIES = {
    "Pakistan": (
        "Asia/Karachi",
        ["Ayesha", "Bilal", "Fatima", "Hamza", "Sana", "Usman", "Zainab", "Asad", "Hina"],
        ["Khan", "Malik", "Qureshi", "Butt", "Chaudhry", "Shah", "Iqbal", "Javed"],
        ["Lahore General Hospital", "Peshawar Basic Health Unit", "Multan LHW Programme"],
    ),
    "Egypt": (
        "Africa/Cairo",
        ["Ahmed", "Mariam", "Mostafa", "Yasmin", "Khaled", "Heba", "Tarek", "Dina", "Amr"],
        ["Hassan", "Mahmoud", "Ibrahim", "Abdelrahman", "Saad", "Fawzy", "Gaber", "Kamel"],
        ["Giza Family Health Unit", "Assiut primary care unit", "Mansoura Health Centre"],
    ),
    "Iran": (
        "Asia/Tehran",
        ["Ali", "Zahra", "Hossein", "Fatemeh", "Mehdi", "Narges", "Amir", "Leila", "Sara"],
        ["Rezaei", "Mohammadi", "Hosseini", "Karimi", "Moradi", "Jafari", "Rahimi", "Sadeghi"],
        ["Tabriz District Health Network", "Isfahan health house", "Mashhad Health Centre"],
    ),
    "Jordan": (
        "Asia/Amman",
        ["Omar", "Rania", "Yazan", "Dana", "Khalil", "Noor", "Hamzeh", "Lama", "Saif"],
        ["Haddad", "Nasser", "Khoury", "Obeidat", "Zoubi", "Masri", "Qasem", "Shami"],
        ["Zarqa Comprehensive Health Centre", "Karak CMHC", "Aqaba Primary Health Care"],
    ),
    "United Kingdom": (
        "Europe/London",
        ["Emma", "James", "Olivia", "Thomas", "Priya", "Daniel", "Grace", "Rhys", "Aisha"],
        ["Smith", "Jones", "Williams", "Patel", "Brown", "Davies", "Hughes", "Begum"],
        ["Leeds Talking Therapies", "Bristol primary care network", "Glasgow CMHT"],
    ),
}
COUNTRY_NAMES = list(COUNTRIES)

# How far participant n has got through the modules, in the course's order: most are
# somewhere in the middle, a few have finished, a few have not started.
MODULES_DONE = [2, 3, 1, 4, 6, 2, 3, 0, 5, 2, 4, 1, 3, 6, 2, 0, 3, 4, 1, 5]


def count(scale):
    return PER_SCALE * scale if scale >= 2 else 0


def person(number):
    """(username, name, organisation, country, time zone) of participant `number`."""
    country = COUNTRY_NAMES[number % len(COUNTRY_NAMES)]
    zone, firsts, families, organisations = COUNTRIES[country]
    rank = number // len(COUNTRY_NAMES)
    first = firsts[rank % len(firsts)]
    family = families[(rank // len(firsts) + rank) % len(families)]
    username = f"{first}.{family}.{number}".lower()
    return username, f"{first} {family}", organisations[rank % len(organisations)], country, zone


def people(scale):
    return [person(number) for number in range(count(scale))]


def users(scale):
    """The crowd's accounts, in participant order."""
    by_username = get_user_model().objects.in_bulk(
        [row[0] for row in people(scale)], field_name="username"
    )
    return [by_username[row[0]] for row in people(scale) if row[0] in by_username]


def create_users(scale):
    """Accounts that can sign in with the demo password."""
    password = demo_password_hash()
    User = get_user_model()  # noqa: N806
    User.objects.bulk_create(
        [
            User(username=username, email=f"{username}@example.org", email_confirmed=True,
                 password=password, display_name=name, first_name=name.split()[0],
                 last_name=name.split()[-1], organisation=organisation, country=country,
                 time_zone=zone)
            for username, name, organisation, country, zone in people(scale)
        ],
        ignore_conflicts=True,
        batch_size=500,
    )  # fmt: skip
    return users(scale)


def load(course, scale):
    """The crowd, enrolled in `course`, each having completed their share of modules."""
    crowd = create_users(scale)
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, course=course) for user in crowd],
        ignore_conflicts=True,
        batch_size=500,
    )
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    ModuleCompletion.objects.bulk_create(
        [
            ModuleCompletion(user=user, module=module)
            for number, user in enumerate(crowd)
            for module in modules[: MODULES_DONE[number % len(MODULES_DONE)]]
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    return crowd
