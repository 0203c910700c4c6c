"""Demo PDSA cycles: ramps of small tests of change in three demo teams, with the demo
facilitator's comments, so the log, the charts' markers, the facilitators' list and
"Teams to learn from" all have something true to show:

- Karachi (the demo learner's team), on screening: handing out the PHQ-9 at intake
  (adapted: many patients could not read it), then reading it aloud in Urdu (adopted:
  the cycle marked where the chart's shift starts), then spreading it to the satellite
  clinics (under way);
- Kasr Al Ainy, on patients starting treatment: text reminders (abandoned), then a
  follow-up call within 7 days of a positive PHQ-9 (under way);
- Manchester, on supervision: group supervision at the end of Friday clinics (planned).

Cycles are found by team and change idea, comments by cycle and text: a second run
changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model

from improvement.months import add_months
from improvement.pdsa_choices import CycleDecision, CycleStatus
from improvement.pdsa_models import PdsaComment, PdsaCycle
from teams.models import Team

ADOPT, ADAPT, ABANDON = CycleDecision.ADOPT, CycleDecision.ADAPT, CycleDecision.ABANDON
COMPLETED, RUNNING, PLANNED = CycleStatus.COMPLETED, CycleStatus.RUNNING, CycleStatus.PLANNED

# team slug, measure index, months after the first workshop's month (start), days it
# ran, status, decision, author, and the cycle's text; each cycle follows the one before
# it in its team's list.
CYCLES = [
    (
        "karachi",
        0,
        0,
        14,
        COMPLETED,
        ADAPT,
        "learner",
        {
            "change_idea": "Receptionist hands the PHQ-9 to every adult at intake",
            "objective": "Find out whether screening at the front desk reaches the adults "
            "we now miss, without slowing the morning queue.",
            "plan_who": "Receptionist (Shazia) and the lady health worker on duty",
            "plan_what": "Hand every adult a printed Urdu PHQ-9 with their token; collect "
            "it at the consultation.",
            "plan_when": "Two weeks, mornings only",
            "plan_where": "Korangi main clinic",
            "prediction": "Screening rises from about half of eligible adults to 70%.",
            "do_notes": "Forms went out to 212 adults. About 40% came back blank or half "
            "filled: many older patients could not read them and did not want to say so.",
            "study_notes": "Screening rose to 58%, short of the 70% predicted. The queue was "
            "not slower. Blank forms were mostly from patients over 50.",
            "act_notes": "Keep screening at intake, but read the questions aloud instead "
            "of handing out the form.",
        },
    ),
    (
        "karachi",
        0,
        1,
        21,
        COMPLETED,
        ADOPT,
        "learner",
        {
            "change_idea": "Lady health worker reads the PHQ-9 aloud in Urdu at intake",
            "objective": "Test whether reading the questions aloud screens the patients "
            "who could not read the form.",
            "plan_who": "Two lady health workers, taking turns at the intake desk",
            "plan_what": "Ask the nine questions aloud in a side room before the "
            "consultation; record the score on the token card.",
            "plan_when": "Three weeks",
            "plan_where": "Korangi main clinic",
            "prediction": "At least 70% of eligible adults screened; under 5 minutes each.",
            "do_notes": "Patients talked more openly in the side room. Two positive scores "
            "with thoughts of self-harm were referred the same day.",
            "study_notes": "77% screened, median 4 minutes. The run chart shows the shift "
            "starting this month.",
            "act_notes": "Adopted as the clinic's routine from the next month.",
        },
    ),
    (
        "karachi",
        0,
        5,
        0,
        RUNNING,
        "",
        "learner",
        {
            "change_idea": "Spread PHQ-9 read aloud at intake to the two satellite clinics",
            "objective": "See whether the routine holds with one lady health worker per "
            "clinic instead of two.",
            "plan_who": "The lady health workers of Landhi and Malir clinics, trained by Imran",
            "plan_what": "Same routine as the main clinic; weekly check of screened counts.",
            "plan_when": "One month",
            "plan_where": "Landhi and Malir satellite clinics",
            "prediction": "Both clinics reach 65% in the first month.",
        },
    ),
    (
        "kasr-al-ainy",
        2,
        0,
        28,
        COMPLETED,
        ABANDON,
        "nour.elsayed",
        {
            "change_idea": "Text message reminder before the first treatment session",
            "objective": "Reduce the patients who screen positive but never start treatment.",
            "plan_who": "Clinic secretary",
            "plan_what": "Send an Arabic text message two days before the first session.",
            "plan_when": "Four weeks",
            "plan_where": "Kasr Al Ainy primary care unit",
            "prediction": "Five more patients a month start treatment.",
            "do_notes": "A third of the numbers were a relative's phone; several messages "
            "went unread. Two families were upset that the message named the clinic.",
            "study_notes": "Patients starting treatment did not change (18, then 17).",
            "act_notes": "Abandoned: a message is too public and too easy to miss.",
        },
    ),
    (
        "kasr-al-ainy",
        2,
        2,
        0,
        RUNNING,
        "",
        "nour.elsayed",
        {
            "change_idea": "Follow-up call within 7 days of a positive PHQ-9",
            "objective": "Find out whether a personal call gets more patients to their "
            "first session than the text message did.",
            "plan_who": "Mohamed (clinician), from a list the secretary keeps each day",
            "plan_what": "Call each patient who screened positive within 7 days; agree the "
            "first session's date and who may know about it.",
            "plan_when": "Six weeks",
            "plan_where": "From the clinic, Sunday to Thursday",
            "prediction": "Eight in ten called patients come to their first session.",
            "do_notes": "Week 1: 14 patients called, 11 reached, 9 booked.",
        },
    ),
    (
        "manchester",
        1,
        3,
        0,
        PLANNED,
        "",
        "sarah.thompson",
        {
            "change_idea": "Group supervision in the last half hour of Friday clinics",
            "objective": "Protect supervision time for every lay counsellor each month.",
            "plan_who": "Sarah (supervisor) and the six psychological wellbeing practitioners",
            "plan_what": "A standing 30-minute group case review; a sign-in sheet.",
            "plan_when": "The next four Fridays",
            "plan_where": "Clinic meeting room, with a video link for home workers",
            "prediction": "All counsellors supervised in the month, up from 12 of 14.",
        },
    ),
]

# (team slug, change idea, username, comment)
COMMENTS = [
    (
        "karachi", "Receptionist hands the PHQ-9 to every adult at intake", "facilitator",
        "Good that you looked at who left the form blank. Reading the questions aloud is "
        "how many low-literacy services screen: try it as your next cycle.",
    ),
    (
        "karachi", "Receptionist hands the PHQ-9 to every adult at intake", "learner",
        "Thank you. We will start next week with two lady health workers taking turns.",
    ),
    (
        "karachi", "Lady health worker reads the PHQ-9 aloud in Urdu at intake", "facilitator",
        "A clear shift on your chart from this month. Would you present this ramp at the "
        "next learning session? Irbid is struggling with the same problem.",
    ),
    (
        "kasr-al-ainy", "Text message reminder before the first treatment session",
        "facilitator",
        "Abandoning a change that did not work is a result too. Ask patients at screening "
        "which number is theirs and whether a call is welcome.",
    ),
]  # fmt: skip


def load(course, measures, first_month, workshop_index, stdout):
    start = add_months(first_month, workshop_index if workshop_index is not None else 6)
    teams = {team.slug: team for team in Team.objects.filter(course=course)}
    names = {spec[6] for spec in CYCLES} | {spec[2] for spec in COMMENTS}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    created, previous = 0, {}
    for slug, measure_index, months_after, days, status, decision, author, text in CYCLES:
        team = teams.get(slug)
        if team is None:
            continue
        begins = add_months(start, months_after) + datetime.timedelta(days=2)
        cycle, made = PdsaCycle.objects.get_or_create(
            team=team,
            change_idea=text["change_idea"],
            defaults={
                **text,
                "status": status,
                "decision": decision,
                "start_date": begins,
                "end_date": begins + datetime.timedelta(days=days) if days else None,
                "follows": previous.get(slug),
                "created_by": users.get(author),
            },
        )
        if made:
            cycle.measures.set([measures[measure_index]])
            created += 1
        previous[slug] = cycle
    for slug, idea, username, body in COMMENTS:
        cycle = PdsaCycle.objects.filter(team__slug=slug, team__course=course, change_idea=idea)
        cycle = cycle.first()
        if cycle is not None:
            PdsaComment.objects.get_or_create(
                cycle=cycle, body=body, defaults={"author": users.get(username)}
            )
    stdout.write(f"PDSA cycles: {created} new cycles in {len(previous)} teams")
