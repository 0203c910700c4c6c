"""POST data of the application form, as a browser without JavaScript sends it."""

from tests.applications.conftest import TEAM

ROWS = 6


def application_data(organisation="Lahore General Hospital", team=TEAM, rows=ROWS, **overrides):
    data = {
        "organisation": organisation,
        "country": "Pakistan",
        "practice": "The Thinking Healthy Programme",
        "ready_to_adopt": "yes",
        "readiness_explanation": "Two supervisors are trained; the director has set time aside.",
        "will_submit_metrics": "yes",
        "can_attend_all_sessions": "no",
        "team-TOTAL_FORMS": str(rows),
        "team-INITIAL_FORMS": "0",
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "12",
    }
    for number in range(rows):
        name, email, role = team[number] if number < len(team) else ("", "", "")
        data.update(
            {
                f"team-{number}-name": name,
                f"team-{number}-email": email,
                f"team-{number}-role": role,
            }
        )
    data.update(overrides)
    return data
