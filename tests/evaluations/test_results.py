"""Results for facilitators and editors: figures on known data, charts with a text
alternative, the split by role, the CSV, group feedback notes, constant queries."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.models import EvaluationAnswer, EvaluationPage
from evaluations.results import CHART_WIDTH
from tests.courses.factories import enrol
from tests.evaluations.conftest import CHANGE, OBJECTIVES, RECOMMEND, USEFUL
from tests.factories import UserFactory

# Eight participants' and two facilitators' answers, figures worked out by hand:
# recommend 9–10: 5 of 10 (50%); 0–6: 3 of 10 (30%); NPS 50 − 30 = 20.
# objectives: mean 37 / 10 = 3.7; median of 1 2 3 4 4 4 4 5 5 5 = 4.
KNOWN = [
    # role, objectives, recommend, most useful
    ("participant", 5, 10, "Talks"),
    ("participant", 4, 10, "Group work"),
    ("participant", 4, 9, "Group work"),
    ("participant", 3, 9, "Talks"),
    ("participant", 5, 8, "Group work"),
    ("participant", 2, 7, ""),
    ("participant", 4, 6, "Group work"),
    ("participant", 4, 5, "Talks"),
    ("facilitator", 5, 10, "Group work"),
    ("facilitator", 1, 3, "Talks"),
]


def add_answers(page, rows, text="Weekly supervision"):
    for role, objectives, recommend, useful in rows:
        data = {OBJECTIVES: objectives, RECOMMEND: recommend, USEFUL: useful, CHANGE: text}
        EvaluationAnswer.objects.create(page=page, role=role, form_data=data)


@pytest.fixture
def answered(evaluation, course, participant, facilitator):
    """The known answers, and 20 members in all (so a 50% response rate)."""
    for number in range(18):
        enrol(UserFactory(username=f"member{number}"), course)
    add_answers(evaluation, KNOWN)
    return evaluation


def results_url(page):
    return page.url + "results/"


def test_figures_on_known_answers(client, answered, facilitator):
    client.force_login(facilitator)
    response = client.get(results_url(answered))
    assert response.status_code == 200
    context = response.context
    assert (context["answer_count"], context["enrolled"], context["response_rate"]) == (10, 20, 50)
    objectives, recommend, useful, change = context["questions"]
    assert (objectives.mean, objectives.median) == (3.7, 4)
    assert [bar.count for bar in objectives.bars] == [1, 1, 1, 4, 3]
    assert (recommend.nps, recommend.recommend_share) == (20, 50)
    assert [bar.count for bar in recommend.bars] == [0, 0, 0, 1, 0, 1, 1, 1, 1, 2, 3]
    assert [(bar.label, bar.count) for bar in useful.bars] == [("Talks", 4), ("Group work", 5)]
    assert change.texts == ["Weekly supervision"] * 10
    html = response.content.decode()
    assert '<dd class="nps">20</dd>' in html and '<dd class="recommend-share">50%</dd>' in html


def test_results_split_by_role(client, answered, facilitator):
    client.force_login(facilitator)
    context = client.get(results_url(answered) + "?role=facilitator").context
    assert (context["answer_count"], context["enrolled"]) == (2, 1)
    recommend = context["questions"][1]
    assert (recommend.nps, recommend.recommend_share) == (0, 50)
    participants = client.get(results_url(answered) + "?role=participant").context
    assert participants["answer_count"] == 8
    assert client.get(results_url(answered) + "?role=boss").status_code == 400


def test_each_scale_is_an_svg_chart_with_a_table_alternative(client, answered, facilitator):
    client.force_login(facilitator)
    html = client.get(results_url(answered)).content.decode()
    assert html.count('<svg role="img" aria-labelledby="chart-') == 3
    assert html.count("<table") == 3
    row = '<th scope="row">4 Agree</th><td data-label="Number">4</td>'
    assert f'{row}<td data-label="Share">40%</td>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # the chart needs no inline script


def test_free_text_is_escaped(client, evaluation, facilitator):
    add_answers(evaluation, KNOWN[:1], text="<script>alert('x')</script>")
    client.force_login(facilitator)
    html = client.get(results_url(evaluation)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


@pytest.mark.parametrize("who", ["participant", "stranger"])
def test_only_facilitators_and_editors_see_results(client, answered, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in (results_url(answered), results_url(answered) + "csv/"):
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(results_url(answered)).status_code == 302


def test_editors_see_results(client, answered, editor):
    """An editor, though not enrolled, sees the same figures as the course's facilitator."""
    client.force_login(editor)
    response = client.get(results_url(answered))
    assert response.status_code == 200
    html = response.content.decode()
    for fragment in (
        "<dt>Answers</dt><dd>10</dd>",
        "<dt>Enrolled</dt><dd>20</dd>",
        "<dt>Response rate</dt><dd>50%</dd>",
        "<dt>Participants / facilitators</dt><dd>8 / 2</dd>",
        # objectives: mean 3.7, median 4
        "<dt>Mean</dt><dd>3.7</dd>",
        "<dt>Median</dt><dd>4.0</dd>",
        # recommend: 77 / 10 = 7.7; median of 3 5 6 7 8 9 9 10 10 10 = 8.5; NPS 20
        "<dt>Mean</dt><dd>7.7</dd>",
        "<dt>Median</dt><dd>8.5</dd>",
        '<dd class="nps">20</dd>',
        '<dd class="recommend-share">50%</dd>',
        # most useful: 9 picked one (one left it blank), 5 of them group work
        '<p class="muted">9 answers</p>',
        '<th scope="row">Group work</th><td data-label="Number">5</td>',
        '<td data-label="Number">5</td><td data-label="Share">56%</td>',
    ):
        assert fragment in html, fragment
    assert html.count("<li>Weekly supervision</li>") == 10


def read_csv(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


def test_csv_has_the_columns_of_wagtails_export(client, answered, facilitator, superuser):
    client.force_login(superuser)
    wagtail = client.get(f"/admin/forms/submissions/{answered.pk}/?export=csv")
    wagtail_rows = read_csv(wagtail)
    client.force_login(facilitator)
    response = client.get(results_url(answered) + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert rows[0] == wagtail_rows[0]
    assert rows[0][:3] == ["Submission date", "Answered as", "Name"]
    assert len(rows) == 11
    assert rows[1][1:] == wagtail_rows[1][1:]


def test_csv_neutralises_formulas_and_hides_names_of_anonymous_answers(
    client, anonymous_evaluation, facilitator
):
    add_answers(anonymous_evaluation, KNOWN[:1], text='=HYPERLINK("http://x")')
    client.force_login(facilitator)
    rows = read_csv(client.get(results_url(anonymous_evaluation) + "csv/"))
    assert "Name" not in rows[0]
    assert rows[1][-1] == '\'=HYPERLINK("http://x")'


def test_facilitators_keep_group_feedback_notes(client, evaluation, facilitator, participant):
    url = results_url(evaluation) + "notes/"
    client.force_login(participant)
    assert client.post(url, {"notes": "Hijack"}).status_code == 403
    client.force_login(facilitator)
    response = client.post(url, {"notes": "Shorter <b>days</b>\n\nSend reading early"})
    assert response.status_code == 302
    page = EvaluationPage.objects.get(pk=evaluation.pk)
    expected = "<p>Shorter &lt;b&gt;days&lt;/b&gt;</p>\n\n<p>Send reading early</p>"
    assert page.group_feedback == expected
    assert page.get_latest_revision_as_object().group_feedback == expected
    assert not page.has_unpublished_changes
    html = client.get(results_url(evaluation)).content.decode()
    assert "Shorter &lt;b&gt;days" in html and "<b>days" not in html


def test_notes_keep_an_editors_unpublished_draft_unpublished(client, evaluation, facilitator):
    evaluation.title = "Draft title"
    evaluation.save_revision()
    client.force_login(facilitator)
    client.post(results_url(evaluation) + "notes/", {"notes": "Notes"})
    page = EvaluationPage.objects.get(pk=evaluation.pk)
    assert page.title == "Workshop evaluation" and page.group_feedback == "<p>Notes</p>"
    draft = page.get_latest_revision_as_object()
    assert (draft.title, draft.group_feedback) == ("Draft title", "<p>Notes</p>")


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_results_queries_do_not_grow_with_answers(client, course_index, facilitator, workshop):
    from tests.evaluations.conftest import make_evaluation

    small, large = make_evaluation(workshop, slug="small"), make_evaluation(workshop, slug="large")
    add_answers(small, (KNOWN * 2)[:12])
    add_answers(large, KNOWN * 12)
    client.force_login(facilitator)
    for suffix in ("", "csv/"):
        counts = [count_queries(client, results_url(page) + suffix) for page in (small, large)]
        assert counts[0] == counts[1], suffix


def test_charts_mirror_in_right_to_left_languages(client, answered, facilitator):
    """Under /ar/ the bars grow from the right edge, their labels are right-aligned
    (text-anchor "start" of an RTL text is its right end) and the counts sit to the
    left of each bar; in English the same geometry starts at the left edge."""
    client.force_login(facilitator)
    rect = re.compile(r'<rect x="([\d.]+)" y="\d+" width="([\d.]+)"')
    html = client.get("/ar" + results_url(answered)).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert html.count('preserveAspectRatio="xMaxYMin meet" direction="rtl"') == 3
    bars = [(float(x), float(width)) for x, width in rect.findall(html)]
    assert bars and all(x + width == CHART_WIDTH for x, width in bars)
    assert html.count(f'<text x="{CHART_WIDTH}" y=') == len(bars)  # every label
    assert 'text-anchor="end"' not in html
    english = client.get(results_url(answered)).content.decode()
    assert english.count('direction="ltr"') == 3
    assert all(x == 0 for x, _width in ((float(x), w) for x, w in rect.findall(english)))
