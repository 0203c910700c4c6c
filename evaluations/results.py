"""Evaluation results: the figures per question, the bar charts' geometry, and CSV files.

Everything is computed in Python from one query for the answers and one for the
questions, so the results page costs the same with 12 answers as with 1,200.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from core.csv_files import csv_response
from courses import access
from evaluations.forms import (
    AGREEMENT,
    AGREEMENT_CHOICES,
    CHOICE_TYPES,
    RECOMMEND,
    RECOMMEND_CHOICES,
    EvaluationFormBuilder,
)

# Bar chart geometry, in SVG user units (the chart scales to its container).
CHART_WIDTH = 400
ROW_HEIGHT = 36
BAR_HEIGHT = 14
BAR_MAX = 340


@dataclass
class Bar:
    label: str
    count: int
    percent: int
    y: int = 0
    width: float = 0
    rtl: bool = False  # mirrored in Arabic, Farsi and Urdu: the bars grow from the right

    @property
    def label_x(self):
        """The label's anchor: the chart's start edge (its right edge in RTL)."""
        return CHART_WIDTH if self.rtl else 0

    @property
    def bar_x(self):
        """From the left edge, or in RTL ending at the right one (x + width = CHART_WIDTH)."""
        return round(CHART_WIDTH - self.width, 1) if self.rtl else 0

    @property
    def label_y(self):
        return self.y + 12

    @property
    def bar_y(self):
        return self.y + 17

    @property
    def count_x(self):
        """Just past the bar's end: to its right, or to its left in RTL."""
        return round(CHART_WIDTH - self.width - 6, 1) if self.rtl else self.width + 6

    @property
    def count_y(self):
        return self.bar_y + BAR_HEIGHT - 2


@dataclass
class QuestionResult:
    label: str
    field_type: str
    answered: int = 0
    bars: list = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    nps: int | None = None
    recommend_share: int | None = None
    texts: list = field(default_factory=list)

    @property
    def is_scale(self):
        return self.field_type in (AGREEMENT, RECOMMEND)

    @property
    def chart_height(self):
        return ROW_HEIGHT * len(self.bars)

    chart_width = CHART_WIDTH


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


def distribution(options, counts, answered):
    """Bars for `options` [(value, label)], laid out top to bottom, mirrored when the
    reader's language is written right to left."""
    most = max(counts.values(), default=0)
    rtl = translation.get_language_bidi()
    bars = []
    for row, (value, label) in enumerate(options):
        count = counts.get(value, 0)
        width = round(BAR_MAX * count / most, 1) if most else 0
        share = percent(count, answered)
        bars.append(Bar(str(label), count, share, ROW_HEIGHT * row, width, rtl))
    return bars


def scale_result(result, values, choices):
    result.answered = len(values)
    result.bars = distribution(choices, Counter(values), len(values))
    if values:
        result.mean = round(statistics.fmean(values), 1)
        result.median = statistics.median(values)
    if result.field_type == RECOMMEND and values:
        promoters = sum(value >= 9 for value in values)
        detractors = sum(value <= 6 for value in values)
        result.nps = percent(promoters, len(values)) - percent(detractors, len(values))
        result.recommend_share = percent(promoters, len(values))


def choice_result(result, question, values):
    if question.field_type == "checkbox":
        options = [(True, _("Yes")), (False, _("No"))]
    else:
        options = EvaluationFormBuilder([]).get_formatted_field_choices(question)
    picked = Counter()
    for value in values:
        picked.update(value if isinstance(value, list) else [value])
    result.answered = len(values)
    result.bars = distribution(options, picked, len(values))


def question_result(question, answers):
    name = question.clean_name
    values = [data[name] for data in answers if data.get(name) not in (None, "", [])]
    result = QuestionResult(question.label, question.field_type)
    if question.field_type == AGREEMENT:
        scale_result(result, [v for v in values if isinstance(v, int)], AGREEMENT_CHOICES)
    elif question.field_type == RECOMMEND:
        scale_result(result, [v for v in values if isinstance(v, int)], RECOMMEND_CHOICES)
    elif question.field_type in CHOICE_TYPES:
        choice_result(result, question, values)
    else:
        result.answered = len(values)
        result.texts = [str(value) for value in values]
    return result


def evaluation_results(page, course, role=None):
    """Response count and rate, answers by role, and each question's result; `role`
    (an EnrolmentRole value) keeps that role's answers only."""
    submissions = page.get_submissions().order_by("submit_time", "pk")
    rows = list(submissions.values_list("form_data", "role"))
    by_role = Counter(answer_role for _data, answer_role in rows)
    answers = [data for data, answer_role in rows if not role or answer_role == role]
    enrolled = access.members(course, role).count() if course else 0
    return {
        "answer_count": len(answers),
        "enrolled": enrolled,
        "response_rate": percent(len(answers), enrolled),
        "by_role": by_role,
        "questions": [question_result(q, answers) for q in page.form_fields.all()],
    }


def answers_csv(page):
    """Every answer, in the columns of Wagtail's own submissions export."""
    fields = page.get_data_fields()
    rows = [
        [answer.get_data().get(name) for name, _label in fields]
        for answer in page.get_submissions().order_by("submit_time", "pk")
    ]
    return csv_response(f"{page.slug}-answers", [label for _name, label in fields], rows)
