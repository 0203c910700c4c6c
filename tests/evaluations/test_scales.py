"""Rating scales are segmented controls of real radio buttons, and a failed answer opens
with an error summary that links to each question in error."""

import re

from tests.evaluations.conftest import OBJECTIVES, RECOMMEND, answer_data


def fieldset(html, name):
    match = re.search(rf"<fieldset>(?:(?!</fieldset>).)*name=\"{name}\".*?</fieldset>", html, re.S)
    assert match, f"no fieldset for {name}"
    return match.group(0)


def test_each_scale_is_a_fieldset_of_radio_buttons_with_full_labels(
    client, evaluation, participant
):
    client.force_login(participant)
    html = client.get(evaluation.url).content.decode()
    agreement = fieldset(html, OBJECTIVES)
    assert "<legend>The workshop met its objectives" in agreement
    assert 'class="scale scale--5"' in agreement
    assert agreement.count('type="radio"') == 5
    assert (
        '<span class="scale__number">3</span> '
        '<span class="scale__words">Neither agree nor disagree</span>' in agreement
    )

    recommend = fieldset(html, RECOMMEND)
    assert 'class="scale scale--11 scale--long"' in recommend
    assert recommend.count('type="radio"') == 11
    # Every button keeps its words for screen readers; the ends are written once beneath.
    assert (
        '<span class="scale__number">0</span> <span class="scale__words">Not at all likely</span>'
        in recommend
    )
    assert "<span>0 = Not at all likely</span><span>10 = Extremely likely</span>" in recommend
    for value in range(11):
        assert (
            f'for="id_{RECOMMEND}_{value}"' in recommend
            and f'id="id_{RECOMMEND}_{value}"' in recommend
        )


def test_a_chosen_point_stays_checked_after_a_failed_answer(client, evaluation, participant):
    client.force_login(participant)
    html = client.post(evaluation.url, answer_data(objectives="", recommend=7)).content.decode()
    assert re.search(rf'name="{RECOMMEND}" value="7"[^>]*checked', html)


def test_a_failed_answer_opens_with_a_summary_linking_to_each_question_in_error(
    client, evaluation, participant
):
    client.force_login(participant)
    response = client.post(evaluation.url, answer_data(objectives="", recommend=""))
    assert response.status_code == 400
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    assert summary.index("There is a problem") < summary.index(f'href="#id_{OBJECTIVES}_0"')
    assert f'href="#id_{RECOMMEND}_0"' in summary
    assert "The workshop met its objectives: This field is required." in summary
    assert f'id="id_{OBJECTIVES}_0"' in html  # the link has somewhere to go
    assert html.index("error-summary") < html.index('<form method="post" class="form"')
    assert "js/error-summary.js" in html


def test_a_good_page_has_no_summary_and_no_script(client, evaluation, participant):
    client.force_login(participant)
    html = client.get(evaluation.url).content.decode()
    assert "error-summary" not in html
