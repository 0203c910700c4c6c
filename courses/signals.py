"""Signals that apps on the same layer send one another through courses, so neither
imports the other: applications sends them, teams receives them (see the README's
seams table).

`core_team_accepted` is sent inside the transaction that accepts an application, so a
receiver that fails undoes the acceptance: nothing is half-written.
    sender=the sending model, course=CoursePage, organisation=str, country=str,
    members=[(user or None, name, email, role)]  # role: "senior_leader" | "supervisor" |
                                                 # "clinician"

`course_invitation_accepted` is sent when someone without an account at acceptance
takes up their emailed invitation, inside that transaction too.
    sender=the sending model, course=CoursePage, user=User, email=str (the invited address)
"""

from django.dispatch import Signal

core_team_accepted = Signal()
course_invitation_accepted = Signal()
