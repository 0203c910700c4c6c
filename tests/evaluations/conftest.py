from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import WorkshopPage
from evaluations.models import EvaluationField, EvaluationPage
from tests.courses.conftest import *  # noqa: F403 (course, participant, facilitator… fixtures)

QUESTIONS = [
    # label, type, required, choices
    ("The workshop met its objectives", "agreement", True, ""),
    ("How likely are you to recommend it?", "recommend", True, ""),
    ("Most useful part", "radio", False, "Talks\nGroup work"),
    ("What will you change?", "multiline", False, ""),
]
# The form names Wagtail derives from those labels.
OBJECTIVES, RECOMMEND, USEFUL, CHANGE = (
    "the_workshop_met_its_objectives",
    "how_likely_are_you_to_recommend_it",
    "most_useful_part",
    "what_will_you_change",
)


def make_evaluation(parent, slug="evaluation", **fields):
    page = EvaluationPage(
        title=fields.pop("title", "Workshop evaluation"),
        slug=slug,
        closes_at=fields.pop("closes_at", timezone.now() + timedelta(days=7)),
        **fields,
    )
    page.form_fields = [
        EvaluationField(label=label, field_type=kind, required=required, choices=choices)
        for label, kind, required, choices in QUESTIONS
    ]
    return parent.add_child(instance=page)


def answer_data(objectives=4, recommend=9, role="participant", **extra):
    return {"respondent_role": role, OBJECTIVES: objectives, RECOMMEND: recommend, **extra}


@pytest.fixture
def workshop(course):
    """Three days in Amman, 09:00 to 17:00, attendance required."""
    return WorkshopPage.objects.child_of(course).get()


@pytest.fixture
def evaluation(workshop):
    return make_evaluation(workshop)


@pytest.fixture
def anonymous_evaluation(workshop):
    return make_evaluation(workshop, slug="anonymous", anonymous=True)
