"""Finding 15: an evaluation's thank-you page belongs to the course's members."""

from tests.evaluations.conftest import *  # noqa: F403 (course, evaluation, stranger… fixtures)


def thanks_url(evaluation):
    return evaluation.url + evaluation.reverse_subpage("thanks")


def test_non_members_cannot_read_the_thanks_page(client, evaluation, stranger):
    evaluation.thank_you_text = "<p>Private words for the cohort</p>"
    evaluation.save_revision().publish()
    client.force_login(stranger)
    response = client.get(thanks_url(evaluation))
    assert response.status_code == 403
    assert "Private words for the cohort" not in response.content.decode()


def test_members_still_read_it(client, evaluation, participant):
    evaluation.thank_you_text = "<p>Thank you, cohort</p>"
    evaluation.save_revision().publish()
    client.force_login(participant)
    response = client.get(thanks_url(evaluation))
    assert response.status_code == 200
    assert "Thank you, cohort" in response.content.decode()
