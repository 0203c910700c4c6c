"""The demo: a dozen answers, attendance, a completed participant with a certificate,
and the demo learner can still answer once."""

from django.core.management import call_command

from attendance.models import Attendance
from courses.models import Certificate
from evaluations.models import EvaluationAnswer, EvaluationPage
from home.models import User
from tests.evaluations.conftest import answer_data


def test_demo_evaluation_attendance_and_certificate(client, db):
    call_command("load_demo", force=True)
    page = EvaluationPage.objects.get(slug="evaluation")
    assert page.anonymous and EvaluationAnswer.objects.filter(page=page).count() == 12
    # Workshop 1 runs three days; the 11 demo participants and the demo learner attend
    # every day except three missed (omar.nasser day 3, keisha.johnson day 2, learner
    # day 3): 12 × 3 − 3.
    assert Attendance.objects.filter(workshop=page.get_parent()).count() == 33
    # nour.elsayed completed it by the completion rule (the roster demo certifies others).
    certificate = Certificate.objects.get(enrolment__user__username="nour.elsayed")
    assert client.get(f"/certificates/{certificate.code}/").status_code == 200

    client.force_login(User.objects.get(username="facilitator"))
    results = client.get(page.url + "results/")
    assert results.context["answer_count"] == 12
    assert results.context["questions"][4].nps == 67  # 9 of 12 promoters, 1 detractor

    client.force_login(User.objects.get(username="learner"))
    names = [field.clean_name for field in page.form_fields.all()]
    data = {
        **answer_data(),
        **dict(
            zip(
                names,
                [4, 4, 5, 4, 9, "Policy engagement clinic", "Plan supervision", ""],
                strict=True,
            )
        ),
    }
    assert client.post(page.url, data).status_code == 302
    assert client.post(page.url, data).status_code == 409
    assert EvaluationAnswer.objects.filter(page=page).count() == 13
