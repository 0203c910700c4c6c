"""Demo applications and session messages: a second course that takes applications
now, with one application submitted by the demo learner and one accepted (with its
status change, enrolments and sign-up invitations), and a “look back, look ahead”
message before the first course's quarterly call.

At --scale 2 and above the crowd applies too (`apply_crowd`). Rows are created only when
missing, with dates derived from the day the course is first created or from stored
workshop times, so a second run changes nothing.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from applications.choices import ApplicationStatus, TeamRole
from applications.invitations import invitation_url
from applications.models import Application, CoreTeamMember, Invitation
from applications.review import change_status
from courses.choices import CourseFormat, EnrolmentMode
from courses.demo import COURSE_SLUG, crowd
from courses.models import CourseIndexPage, CoursePage, FollowUpPage, WorkshopPage
from reminders.models import SessionMessage

SLUG = "perinatal-mental-health-in-primary-care"
UTC = zoneinfo.ZoneInfo("UTC")

APPLICATIONS = [
    # applicant username, organisation, country, practice, readiness, team, decision
    (
        "learner",
        "Rawalpindi District Health Office",
        "Pakistan",
        "The Thinking Healthy Programme, delivered by lady health workers during home visits.",
        "Our district health officer has set aside two afternoons a month for supervision, "
        "and eight lady health workers have volunteered. We still need a data clerk.",
        [
            ("Dr Ayesha Siddiqui", "ayesha.siddiqui@example.org", TeamRole.SENIOR_LEADER),
            ("Sadia Malik", "sadia.malik@example.org", TeamRole.SUPERVISOR),
            ("Bilal Ahmed", "learner@example.org", TeamRole.CLINICIAN),
            ("Imran Butt", "imran.butt@example.org", TeamRole.CLINICIAN),
        ],
        None,
    ),
    (
        "nadia",
        "Shubra Family Health Unit",
        "Egypt",
        "Problem Management Plus for mothers in the first year after birth.",
        "The unit's director chairs the project group; two nurses already completed the "
        "PM+ helper training and a psychologist from Ain Shams supervises weekly.",
        [
            ("Dr Nadia Farouk", "nadia.farouk@example.org", TeamRole.SENIOR_LEADER),
            ("Dr Karim Mansour", "karim.mansour@example.org", TeamRole.SUPERVISOR),
            ("Mona Adel", "mona.adel@example.org", TeamRole.CLINICIAN),
            ("Youssef Hassan", "youssef.hassan@example.org", TeamRole.CLINICIAN),
        ],
        "Welcome to the collaborative. Your plan for weekly supervision stood out; please "
        "bring your first month's screening numbers to the opening workshop.",
    ),
]


def midnight(day):
    return datetime.combine(day, time(0), tzinfo=UTC)


def create_course(index):
    course = CoursePage.objects.child_of(index).filter(slug=SLUG).first()
    if course:
        return course
    today = timezone.localdate()
    start = today + timedelta(days=60)
    return index.add_child(
        instance=CoursePage(
            title="Perinatal mental health in primary care",
            slug=SLUG,
            intro="A nine-month collaborative for primary-care teams that want to find and "
            "help mothers with depression during pregnancy and after birth.",
            description=[
                (
                    "paragraph",
                    "<p>Teams learn to screen with the PHQ-9 at antenatal and postnatal "
                    "visits, to deliver the Thinking Healthy Programme through lady health "
                    "workers, and to refer mothers at risk to a supervising psychologist.</p>",
                )
            ],
            start_date=start,
            end_date=start + timedelta(days=270),
            format=CourseFormat.BLENDED,
            enrolment_mode=EnrolmentMode.APPLICATION,
            applications_open_at=midnight(today - timedelta(days=14)),
            applications_close_at=midnight(today + timedelta(days=31)) - timedelta(minutes=1),
        )
    )


def demo_applicant(username):
    if username != "nadia":
        return get_user_model().objects.get(username=username)
    user, created = get_user_model().objects.get_or_create(
        username="nadia",
        defaults={
            "email": "nadia.farouk@example.org",
            "display_name": "Dr Nadia Farouk",
            "organisation": "Shubra Family Health Unit",
            "country": "Egypt",
            "preferred_language": "ar",
            "email_confirmed": True,
        },
    )
    if created:  # a team member, not a demo account one signs in with
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def create_application(course, spec, reviewer):
    username, organisation, country, practice, readiness, team, decision = spec
    if Application.objects.filter(course=course, organisation=organisation).exists():
        return
    application = Application.objects.create(
        course=course,
        applicant=demo_applicant(username),
        organisation=organisation,
        country=country,
        practice=practice,
        ready_to_adopt=True,
        readiness_explanation=readiness,
        will_submit_metrics=True,
        can_attend_all_sessions=True,
    )
    CoreTeamMember.objects.bulk_create(
        CoreTeamMember(application=application, name=name, email=email, role=role)
        for name, email, role in team
    )
    if decision:  # demo data: recorded without emailing the team
        change_status(application, ApplicationStatus.ACCEPTED, reviewer, decision)


READINESS = (
    "Our director has agreed two hours a week of supervision, and three clinicians have "
    "volunteered to deliver the practice first."
)
CROWD_PRACTICES = [
    "The Thinking Healthy Programme, delivered by community health workers.",
    "Problem Management Plus for mothers in the first year after birth.",
    "PHQ-9 screening at antenatal visits, with referral to a supervising psychologist.",
]


def apply_crowd(course, scale):
    """At --scale 2 and above, five applications per scale step from the crowd
    (courses/demo/crowd.py), each with a core team of four, waiting for review."""
    people = crowd.people(scale)
    wanted = {}
    for number in range(5 * (scale - 1)):
        # Applicants and their teams from the far end of the crowd, away from its teams.
        team = [people[-1 - 4 * number - j] for j in range(4)]
        organisation = f"{team[0][2]} ({team[0][1]})"
        wanted[organisation] = (number, team)
    have = set(
        Application.objects.filter(course=course, organisation__in=wanted).values_list(
            "organisation", flat=True
        )
    )
    users = get_user_model().objects.in_bulk(
        [team[0][0] for _number, team in wanted.values()], field_name="username"
    )
    new = Application.objects.bulk_create(
        [
            Application(course=course, applicant=users[team[0][0]], organisation=organisation,
                        country=team[0][3], practice=CROWD_PRACTICES[number % 3],
                        ready_to_adopt=True, readiness_explanation=READINESS,
                        will_submit_metrics=True, can_attend_all_sessions=number % 4 != 1)
            for organisation, (number, team) in wanted.items()
            if organisation not in have and team[0][0] in users
        ]
    )  # fmt: skip
    roles = [TeamRole.SENIOR_LEADER, TeamRole.SUPERVISOR, TeamRole.CLINICIAN, TeamRole.CLINICIAN]
    CoreTeamMember.objects.bulk_create(
        CoreTeamMember(application=application, name=name, email=f"{username}@example.org",
                       role=role)
        for application in new
        for (username, name, *_rest), role in zip(wanted[application.organisation][1], roles,
                                                 strict=True)
    )  # fmt: skip


def create_session_message():
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    call = course and WorkshopPage.objects.child_of(course).filter(slug="quarterly-call").first()
    if not call:
        return
    workshop = WorkshopPage.objects.child_of(course).filter(slug="workshop-2-online").first()
    SessionMessage.objects.get_or_create(
        course=course,
        subject="Looking back at workshop 2, looking ahead to the quarterly call",
        defaults={
            "follow_up": workshop and FollowUpPage.objects.child_of(workshop).first(),
            "send_at": call.starts_at - timedelta(days=7),
            "body": "In workshop 2 every team tried a supervision session with a real case. "
            "Before the quarterly call, note one barrier you met since and one thing that "
            "helped: each team will have five minutes to share them.",
        },
    )


def load(scale, stdout):
    index = CourseIndexPage.objects.first()
    if index is None:
        return
    course = create_course(index)
    reviewer = get_user_model().objects.get(username="editor")
    for spec in APPLICATIONS:
        create_application(course, spec, reviewer)
    apply_crowd(course, scale)
    create_session_message()
    stdout.write(f"Applications: {course.title} takes applications at {course.url}")
    invitation = Invitation.objects.filter(course=course, used_at=None).order_by("pk").first()
    if invitation:  # a fresh link each run: the signed token carries its own date
        stdout.write(
            f"Invitation: sign up as {invitation.member.name} ({invitation.email}) at "
            f"{invitation_url(invitation)}"
        )
