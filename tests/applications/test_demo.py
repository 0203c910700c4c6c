"""The demo: a course taking applications now, with a submitted and an accepted one,
and follow-up reminders of which one is due for the demo learner."""

import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.http import HttpRequest

from applications.demo import SLUG
from applications.models import Application, ApplicationStatusChange
from applications.review import application_window
from courses.models import CoursePage, Enrolment
from reminders.sending import run


def test_demo_applications_and_one_due_reminder_for_the_learner(client, db):
    call_command("load_demo", force=True)
    course = CoursePage.objects.get(slug=SLUG)
    assert application_window(course).open
    statuses = dict(
        Application.objects.filter(course=course).values_list("applicant__username", "status")
    )
    assert statuses == {"learner": "submitted", "nadia": "accepted"}
    change = ApplicationStatusChange.objects.get(application__applicant__username="nadia")
    assert change.changed_by.username == "editor" and change.message
    assert Enrolment.objects.filter(course=course, user__username="nadia").exists()

    run()
    to_learner = [
        message.subject for message in mail.outbox if message.to == ["learner@example.org"]
    ]
    assert len(to_learner) == 1
    mail.outbox.clear()
    run()
    assert not mail.outbox

    assert client.login(request=HttpRequest(), username="learner", password="collab-demo")
    dashboard = client.get("/dashboard/").content.decode()
    assert "My applications" in dashboard and "Rawalpindi District Health Office" in dashboard
    page = client.get(course.url).content.decode()
    assert page.count("core team") == 1  # the application section says it, not the text too


def test_the_demo_prints_an_invitation_that_signs_up_and_enrols(client, db):
    """`make run` shows a newcomer the invitation flow: the printed link leads to a
    sign-up with the invited address filled in, and signing up enrols at once."""
    out = StringIO()
    call_command("load_demo", force=True, stdout=out)
    url = re.search(r"Invitation: .* at http://[^/]+(/\S+)", out.getvalue()).group(1)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert "Create an account" in client.get(url).content.decode()
    response = client.post(
        f"/accounts/signup/?invitation={token}",
        {
            "username": "karim",
            "display_name": "Dr Karim Mansour",
            "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42",
        },
    )
    assert response.status_code == 302
    course = CoursePage.objects.get(slug=SLUG)
    assert Enrolment.objects.filter(course=course, user__username="karim").exists()
    assert get_user_model().objects.get(username="karim").email_confirmed
