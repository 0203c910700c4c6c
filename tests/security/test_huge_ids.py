"""Finding 10: ids beyond 64 bits are "no such thing" (400/404), never an OverflowError."""

import pytest

from tests.courses.conftest import *  # noqa: F403 (course, participant… fixtures)

HUGE = "99999999999999999999999"


def test_a_huge_module_id_is_a_clear_400(client, course, participant):
    client.force_login(participant)
    response = client.post(course.url + "complete/", {"module": HUGE})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        f"/applications/apply/{HUGE}/",
        f"/applications/{HUGE}/edit/",
        f"/forums/general/{HUGE}-topic/",
        f"/language/?language=ar&next=/&page={HUGE}",
    ],
)
def test_huge_ids_in_urls_are_not_found(client, course, participant, url):
    client.force_login(participant)
    response = client.get(url)
    assert response.status_code in (302, 404)
