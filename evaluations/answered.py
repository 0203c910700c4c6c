"""What the evaluations panel of the dashboard reads without asking the database each
time: a course's live evaluations (remembered until something is published) and the
evaluations a person answered (remembered until one of their respondent rows changes:
`evaluations.apps` bumps their scope on every save and deletion)."""

from core.caching import remembered
from evaluations.models import EvaluationPage, EvaluationRespondent


def answers_scope(user_id):
    return f"evaluation-answers:{user_id}"


def course_evaluations(course):
    """The live evaluations anywhere below a course, by closing time."""

    def build():
        pages = EvaluationPage.objects.live().descendant_of(course)
        return list(pages.order_by("closes_at", "path"))

    return remembered(f"evaluations:{course.pk}", build)


def answered_page_ids(user):
    """Ids of the evaluations the user answered."""

    def build():
        rows = EvaluationRespondent.objects.filter(user=user)
        return set(rows.values_list("page_id", flat=True))

    return remembered(f"answered:{user.pk}", build, scopes=[answers_scope(user.pk)])
