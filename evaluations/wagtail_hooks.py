"""The pages of an evaluation (its routes), its links on workshop pages and the
dashboard, and the demo."""

from django.template.loader import render_to_string
from wagtail import hooks

from core.routing import PageRoute
from courses import access
from courses.choices import EnrolmentRole
from courses.models import WorkshopPage
from evaluations import views
from evaluations.answered import answered_page_ids
from evaluations.answered import course_evaluations as course_evaluations_of
from evaluations.models import EvaluationPage


def evaluations_panel(request):
    """Per course with evaluations: those still to answer, and a facilitator's results.
    No query but the request's enrolments (shared), however many courses and evaluations:
    both the evaluations and what the user answered are remembered (evaluations.answered)."""
    user = request.user
    courses = access.member_course_list(user)
    if not courses:
        return None
    enrolments = access.load_enrolments(user, courses)
    answered = answered_page_ids(user)
    rows = []
    for course in courses:
        enrolment = enrolments[course.pk]
        course_evaluations = course_evaluations_of(course)
        for evaluation in course_evaluations:
            evaluation.user_answered = evaluation.pk in answered
        if not course_evaluations:
            continue
        rows.append(
            {
                "course": course,
                "facilitating": enrolment.role == EnrolmentRole.FACILITATOR,
                "to_answer": [
                    e for e in course_evaluations if not e.user_answered and not e.is_closed
                ],
                "evaluations": course_evaluations,
            }
        )
    if not rows:
        return None
    return render_to_string("evaluations/dashboard_panel.html", {"rows": rows}, request=request)


@hooks.register("dashboard_panels", order=11)  # after the courses and attendance panels
def dashboard_evaluations(request):
    return evaluations_panel(request)


@hooks.register("load_demo_content", order=40)
def load_evaluations_demo(scale, stdout):
    from evaluations import demo

    demo.load(scale, stdout)


@hooks.register("register_page_routes")
def evaluation_routes():
    return [
        PageRoute(EvaluationPage, "", views.answer_view, "answer"),
        PageRoute(EvaluationPage, "thanks/", views.thanks_view, "thanks"),
        PageRoute(EvaluationPage, "results/", views.results_view, "results"),
        PageRoute(EvaluationPage, "results/csv/", views.results_csv_view, "results_csv"),
        PageRoute(EvaluationPage, "results/notes/", views.notes_view, "notes"),
    ]


@hooks.register("page_sections")
def workshop_evaluations(page, request):
    """On a workshop page, links to its live evaluations."""
    if not isinstance(page, WorkshopPage):
        return None
    evaluations = EvaluationPage.objects.child_of(page).live()
    if not evaluations:
        return None
    return render_to_string(
        "evaluations/workshop_section.html", {"evaluations": evaluations}, request=request
    )
