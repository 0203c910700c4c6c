"""The words of the demo collaborative: thematic areas, faculty, modules, the first
workshop's agenda, follow-up reminders and the participants from five countries."""

from courses.choices import AgendaItemKind, ModuleAccess

THEMES = [
    (
        "Contextual adaptation",
        "contextual-adaptation",
        "Fitting a practice to the language, culture and health system where it is used.",
    ),
    (
        "Policy engagement",
        "policy-engagement",
        "Bringing ministries, insurers and district managers in early.",
    ),
    (
        "Implementation science",
        "implementation-science",
        "Measuring fidelity, reach and outcomes so that what works can spread.",
    ),
]

PEOPLE = [
    # name, job title, organisation, country, bio
    (
        "Dr Samira Haddad",
        "Clinical lead",
        "Amman Centre for Community Mental Health",
        "Jordan",
        "Psychiatrist who has trained more than two hundred lay counsellors in primary care.",
    ),
    (
        "Dr Farhan Qureshi",
        "Implementation researcher",
        "Human Development Research Foundation",
        "Pakistan",
        "Leads fidelity and outcome measurement for task-shared psychological care.",
    ),
    (
        "Dr Laleh Karimi",
        "Former deputy director, mental health",
        "Ministry of Health",
        "Iran",
        "Brought community mental health into Iran's primary health care network.",
    ),
]

MODULES = [
    # title, slug, minutes, access, prerequisite slugs, summary, objectives
    (
        "What task sharing means",
        "what-task-sharing-means",
        30,
        ModuleAccess.OPEN,
        [],
        "Why trained non-specialists can deliver effective psychological help, and what "
        "specialists do instead.",
        "Explain task sharing in one sentence\nName three roles a lay counsellor can take on",
    ),
    (
        "Adapting an intervention to your context",
        "adapting-to-your-context",
        45,
        ModuleAccess.MEMBERS,
        ["what-task-sharing-means"],
        "Change the surface of a practice (language, examples, who delivers it) and keep its "
        "active ingredients.",
        "Tell surface changes from changes to active ingredients\nPlan a cultural adaptation "
        "with service users",
    ),
    (
        "Supervision that sustains lay counsellors",
        "supervision",
        40,
        ModuleAccess.MEMBERS,
        ["what-task-sharing-means"],
        "Peer and specialist supervision that keeps quality up and counsellors in post.",
        "Run a one-hour group supervision session\nUse a competency checklist",
    ),
    (
        "Engaging policy makers early",
        "engaging-policy-makers",
        35,
        ModuleAccess.MEMBERS,
        ["adapting-to-your-context"],
        "Find who decides about funding and staffing, and bring them in before results are in.",
        "Map the decision makers of your district\nWrite a one-page policy brief",
    ),
    (
        "Measuring fidelity and outcomes",
        "measuring-fidelity-and-outcomes",
        50,
        ModuleAccess.MEMBERS,
        ["adapting-to-your-context", "supervision"],
        "Simple routine measures that show whether the practice is delivered as intended and "
        "whether people get better.",
        "Choose an outcome measure for routine use\nSet up a monthly fidelity check",
    ),
    (
        "Planning for scale",
        "planning-for-scale",
        45,
        ModuleAccess.MEMBERS,
        ["engaging-policy-makers", "measuring-fidelity-and-outcomes"],
        "From one district to a region: budget, training cascade and the data funders ask for.",
        "Cost a training cascade\nDraft the scale-up section of a funding proposal",
    ),
]

AGENDA_DAYS = [
    (
        "Why and how we share tasks",
        [
            ("09:00", "09:30", "Welcome and introductions", AgendaItemKind.FULL_GROUP, [0]),
            ("09:30", "10:30", "Task sharing: the evidence", AgendaItemKind.TALK, [1]),
            (
                "11:00",
                "12:30",
                "Team presentations: where we start from",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
            ("13:30", "15:00", "Barriers in our services", AgendaItemKind.SMALL_GROUP, [0]),
            (
                "15:30",
                "16:30",
                "Reading time: the adaptation framework",
                AgendaItemKind.SELF_DIRECTED,
                [],
            ),
            ("16:30", "17:00", "What we heard today", AgendaItemKind.FULL_GROUP, [0]),
        ],
    ),
    (
        "Adapting the practice",
        [
            ("09:00", "10:00", "Surface and deep adaptation", AgendaItemKind.TALK, [0]),
            (
                "10:00",
                "12:00",
                "Adapting session materials with service users",
                AgendaItemKind.SMALL_GROUP,
                [0, 1],
            ),
            (
                "13:00",
                "14:00",
                "How Iran brought mental health into primary care",
                AgendaItemKind.GUEST_SESSION,
                [2],
            ),
            ("14:00", "15:30", "Policy engagement clinic", AgendaItemKind.SMALL_GROUP, [2]),
            (
                "16:00",
                "17:00",
                "Peer feedback on adaptation plans",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
        ],
    ),
    (
        "Measuring and planning",
        [
            ("09:00", "10:00", "Fidelity and outcome measures", AgendaItemKind.TALK, [1]),
            (
                "10:00",
                "11:30",
                "Designing your monthly data review",
                AgendaItemKind.SMALL_GROUP,
                [1],
            ),
            (
                "12:00",
                "13:00",
                "Action plans until the next workshop",
                AgendaItemKind.SELF_DIRECTED,
                [],
            ),
            (
                "14:00",
                "15:00",
                "Action plans: each team in two minutes",
                AgendaItemKind.PEER_PRESENTATION,
                [],
            ),
            ("15:00", "16:00", "Closing circle and evaluation", AgendaItemKind.FULL_GROUP, [0, 1]),
        ],
    ),
]

REMINDERS = [
    (
        7,
        "One week on: have you met your supervisor?",
        "At the workshop each team planned a first supervision session. If it has not happened "
        "yet, book it this week and bring one case.",
    ),
    (
        21,
        "Three weeks on: share one barrier in the forum",
        "Post one thing that got in the way of your action plan, and one thing that helped.",
    ),
    (
        42,
        "Six weeks on: your first monthly data review",
        "Look at the fidelity checklist and outcome scores with your team before the next call.",
    ),
    (
        # Due the day before the demo is loaded (Workshop 1 ended 243 days ago), so the
        # demo learner has one reminder waiting.
        242,
        "Eight months on: look back at your run charts",
        "Open your team's run charts before the next call: what changed after the workshop, "
        "and what will you test next?",
    ),
]


# The guest speaker of the course (a Person on its page), enrolled so her posts carry
# the badge: username, name, organisation, country, time zone.
GUEST_SPEAKER = ("laleh.karimi", "Dr Laleh Karimi", "Ministry of Health", "Iran", "Asia/Tehran")

PARTICIPANTS = [
    # username, name, organisation, country, time zone
    (
        "ayesha.siddiqui",
        "Ayesha Siddiqui",
        "Mayo Hospital, community psychiatry",
        "Pakistan",
        "Asia/Karachi",
    ),
    (
        "imran.raza",
        "Imran Raza",
        "Karachi Lady Health Worker Programme",
        "Pakistan",
        "Asia/Karachi",
    ),
    ("nour.elsayed", "Nour El-Sayed", "Kasr Al Ainy primary care unit", "Egypt", "Africa/Cairo"),
    ("mohamed.fathy", "Mohamed Fathy", "Alexandria Family Health Centre", "Egypt", "Africa/Cairo"),
    (
        "maryam.hosseini",
        "Maryam Hosseini",
        "Tehran University of Medical Sciences",
        "Iran",
        "Asia/Tehran",
    ),
    ("reza.ahmadi", "Reza Ahmadi", "Shiraz District Health Network", "Iran", "Asia/Tehran"),
    (
        "lina.alkhatib",
        "Lina Al-Khatib",
        "Irbid Community Mental Health Centre",
        "Jordan",
        "Asia/Amman",
    ),
    ("omar.nasser", "Omar Nasser", "Zarqa Primary Health Care Directorate", "Jordan", "Asia/Amman"),
    (
        "sarah.thompson",
        "Sarah Thompson",
        "Manchester Talking Therapies",
        "United Kingdom",
        "Europe/London",
    ),
    (
        "gareth.evans",
        "Gareth Evans",
        "Cardiff and Vale primary care mental health",
        "United Kingdom",
        "Europe/London",
    ),
    (
        "keisha.johnson",
        "Keisha Johnson",
        "Baltimore Community Health Partners",
        "United States",
        "America/New_York",
    ),
]

SUPERVISION_CHECKLIST = """\
Group supervision checklist
Used by the Karachi and Lahore teams, one hour every other Thursday.

Before the session
[ ] Each counsellor brings one case (name removed) and one question.
[ ] The supervisor has the competency checklist for the sessions reviewed.

During the session (60 minutes)
[ ] 5 min   Check-in: how is everyone coping with their caseload?
[ ] 30 min  Two cases: what happened, what the counsellor tried, what the group suggests.
[ ] 15 min  One skill practised in pairs (for example, problem solving, step 3).
[ ] 10 min  Risk review: anyone who mentioned self-harm is discussed and followed up.

After the session
[ ] Note attendance and the skills practised in the supervision log.
[ ] Any risk concern goes to the specialist on call the same day.

"Supervision is where counsellors stay, or leave." (Lahore team lead)
"""
