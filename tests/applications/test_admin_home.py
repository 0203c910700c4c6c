"""The editor's admin home lists what waits for them: applications to review and the
next sessions of their courses, each linked; nothing when nothing waits."""

from courses.models import WorkshopPage
from tests.applications.conftest import make_application


def admin_home(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_pending_applications_are_counted_and_linked(client, editor, application, open_course):
    html = admin_home(client, editor)
    assert "Applications to review" in html
    assert "1 application waits for a decision." in html
    assert f'href="/admin/application/inspect/{application.pk}/"' in html
    assert "Shubra Family Health Unit · Perinatal mental health" in html


def test_decided_applications_leave_the_panel(client, editor, open_course, applicant):
    make_application(open_course, applicant, status="accepted")
    assert "Applications to review" not in admin_home(client, editor)


def test_upcoming_sessions_of_the_courses_one_edits(client, editor, course):
    workshop = WorkshopPage.objects.child_of(course).get()  # in 20 days
    html = admin_home(client, editor)
    assert "Upcoming sessions" in html
    assert f'href="/admin/pages/{workshop.pk}/edit/"' in html and "· Workshop 1</a>" in html
